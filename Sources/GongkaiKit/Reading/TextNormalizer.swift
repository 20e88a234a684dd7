/// Text as the layout readers want it: LF line ends, full-width digits and signs as ASCII (so numbers
/// parse), NUL removed. Everything else is left as written: the evidence shown to analysts is the
/// report's own wording.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var previousWasCR = false
        return FastText.mapScalars(text) { v in
            if v == 0x0D { previousWasCR = true; return 0x0A }
            if v == 0x0A, previousWasCR { previousWasCR = false; return nil }
            previousWasCR = false
            switch v {
            case 0: return nil
            case 0xFEFF: return nil  // a BOM repeated inside the text (concatenated files)
            case 0xFF10...0xFF19: return v - 0xFF10 + 0x30
            case 0xFF0D, 0x2212: return 0x2D  // full-width hyphen-minus, minus sign
            case 0xFF0E: return 0x2E
            case 0xFF0B: return 0x2B
            default: return v
            }
        }
    }

    /// Most text needs nothing: no CR, no NUL, no full-width digits or signs, no BOM. One byte scan tells.
    static func needsWork(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0D || byte == 0x00 { return true }
                // U+FF0B…FF19 (EF BC 8B…99), U+FEFF (EF BB BF), U+2212 (E2 88 92).
                if byte == 0xEF, index + 2 < count {
                    let b1 = bytes[index + 1], b2 = bytes[index + 2]
                    if b1 == 0xBC, b2 >= 0x8B, b2 <= 0x99 { return true }
                    if b1 == 0xBB, b2 == 0xBF { return true }
                }
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x88, bytes[index + 2] == 0x92 { return true }
                index += 1
            }
            return false
        }
    }
}
