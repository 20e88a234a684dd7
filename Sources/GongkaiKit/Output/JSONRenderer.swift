/// An array of objects, one per row, keys in column order, values typed: integers and reals as JSON
/// numbers, text as strings, NULL as null, blobs as hex strings.
public enum JSONRenderer {
    public static func render(_ result: ResultSet) -> String {
        var out = "["
        for (rowIndex, row) in result.rows.enumerated() {
            out += (rowIndex == 0 ? "\n  " : ",\n  ") + object(row, columns: result.columns)
        }
        out += result.rows.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    /// One row as an object, keys in column order.
    static func object(_ row: [DatabaseValue], columns: [String]) -> String {
        var out = "{"
        for (index, value) in row.enumerated() where index < columns.count {
            if index > 0 { out += ", " }
            out += string(columns[index]) + ": " + json(value)
        }
        return out + "}"
    }

    static func json(_ value: DatabaseValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return String(number)
        case .real(let number): return number.isFinite ? String(number) : "null"
        case .text(let text): return string(text)
        case .blob: return string(value.description)
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
