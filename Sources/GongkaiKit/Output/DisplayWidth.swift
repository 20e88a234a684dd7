/// How many terminal columns text takes. CJK ideographs, kana, Hangul, full-width forms and CJK
/// punctuation take two; combining marks and zero-width characters none; the rest one. Our own table,
/// because glibc's wcwidth is hidden from Swift and must agree with what terminals draw anyway.
public enum DisplayWidth {
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
        0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD,
    ]
    static let zero: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F, 0x200B...0x200F,
        0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF...0xFEFF,
        0x1F3FB...0x1F3FF, 0xE0100...0xE01EF,
    ]

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        // The common wide ones first: CJK ideographs, CJK punctuation, full-width forms.
        if (0x4E00...0x9FFF).contains(v) || (0x3000...0x303E).contains(v) || (0xFF01...0xFF60).contains(v) { return 2 }
        if contains(zero, v) { return 0 }
        return contains(wide, v) ? 2 : 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII (numbers, most column names): one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The width of UTF-8 bytes (valid UTF-8: a String's), decoded on the bytes.
    public static func of(utf8 bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var width = 0, index = 0
            while index < buffer.count {
                // Printable ASCII, the most of a table's bytes, without decoding.
                let byte = buffer[index]
                if byte >= 0x20 && byte < 0x7F {
                    width += 1
                    index += 1
                    continue
                }
                let (value, length) = FastText.decode(buffer, at: index)
                width += value < 0x80 ? 0 : Unicode.Scalar(value).map { of($0) } ?? 1
                index += length
            }
            return width
        }
    }

    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound { high = middle - 1 }
            else if value > ranges[middle].upperBound { low = middle + 1 }
            else { return true }
        }
        return false
    }

    /// The text padded with spaces to `width` columns, on the right or (for numbers) on the left.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let missing = max(0, width - of(text))
        let padding = String(repeating: " ", count: missing)
        return right ? padding + text : text + padding
    }

    /// The longest prefix that fits in `width` columns, with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}
