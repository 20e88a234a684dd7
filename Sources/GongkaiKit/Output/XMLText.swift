/// Text inside XML or HTML (workbooks, report pages, SVG charts, the .docx writer; the test page writer
/// keeps its own, which writes “” as named entities as real sites do): the five
/// entities escaped, the characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF) dropped — a
/// report's stray control character must not make a workbook Excel refuses.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (scalar.value >= 0xFFFE && scalar.value <= 0xFFFF) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
