/// Text as the layout readers want it: LF line ends, full-width digits and signs as ASCII (so numbers
/// parse), NUL removed. Everything else is left as written: the evidence shown to analysts is the
/// report's own wording.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0D { scalars.append("\n"); previousWasCR = true; continue }
            if v == 0x0A, previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            switch v {
            case 0: continue
            case 0xFEFF: continue  // a BOM repeated inside the text (concatenated files)
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(v - 0xFF10 + 0x30) ?? scalar)
            case 0xFF0D, 0x2212: scalars.append("-")  // full-width hyphen-minus, minus sign
            case 0xFF0E: scalars.append(".")
            case 0xFF0B: scalars.append("+")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
