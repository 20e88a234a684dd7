/// Reading one table cell's text as a value. Cells carry ideographic spaces (U+3000), en spaces (U+2002),
/// NBSP and ordinary spaces around the numbers; some carry a unit (`70487元`, `0件`).
public enum CellText {
    /// Markers that stand for "nothing here" in place of a number.
    static let emptyMarkers: Set<String> = ["/", "／", "—", "——", "-", "--", "–", "无", "無", "－", "\\", "空", "×", "x", "X"]
    static let units: [String] = ["万元", "条次", "元", "件", "条", "條", "个", "項", "项", "次", "篇", "期", "人次", "例", "份"]

    /// A number, when the whole cell is one (an optional sign, digits, an optional decimal part, an
    /// optional unit).
    public static func number(_ text: some StringProtocol) -> Double? {
        numberValue(compactBytes(text))
    }

    /// The cell's UTF-8 bytes without spaces (ASCII spaces, U+3000, U+2002 and the like).
    static func compactBytes(_ text: some StringProtocol) -> [UInt8] {
        FastText.withBytes(text) { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(source.count, 32))
            var index = 0
            while index < source.count {
                let (value, length) = FastText.decode(source, at: index)
                if !FastText.isSpace(value) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<index + length])) }
                index += length
            }
            return bytes
        }
    }

    static let unitBytes: [[UInt8]] = units.map { Array($0.utf8) }

    static func numberValue(_ compacted: [UInt8]) -> Double? {
        var body = compacted[...]
        for unit in unitBytes where body.count > unit.count && body.suffix(unit.count).elementsEqual(unit) {
            body = body.dropLast(unit.count)
            break
        }
        return plainNumber(body)
    }

    /// Digits with an optional leading sign, one decimal point and thousands commas.
    static func plainNumber(_ body: ArraySlice<UInt8>) -> Double? {
        guard !body.isEmpty, body.count <= 24 else { return nil }
        var sawDigit = false, sawDot = false
        var integer: Int64 = 0
        var negative = false
        for (offset, byte) in body.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if !sawDot {
                    guard integer < 100_000_000_000_000_000 / 10 else { return nil }
                    integer = integer * 10 + digit
                }
            case UInt8(ascii: "."): if sawDot { return nil } else { sawDot = true }
            case UInt8(ascii: "-"): if offset != 0 { return nil } else { negative = true }
            case UInt8(ascii: "+"): if offset != 0 { return nil }
            case UInt8(ascii: ","): if sawDot { return nil }
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        // Decimals through Double's own parser, so 0.7 is the double nearest 0.7.
        if sawDot { return Double(String(decoding: body.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)) }
        return negative ? -Double(integer) : Double(integer)
    }

    static let markerBytes: Set<[UInt8]> = Set(emptyMarkers.map { Array($0.utf8) })

    /// What a cell that sits where a value is expected holds, or nil when it is a label instead.
    public static func value(_ text: some StringProtocol) -> CellValue? {
        let bytes = compactBytes(text)
        if bytes.isEmpty { return .blank }
        // Labels are long and start with a letter: skip the number test for them.
        if let first = bytes.first, first < 0x80 || bytes.count <= 9, let number = numberValue(bytes) { return .number(number) }
        if bytes.count <= 6, markerBytes.contains(bytes) { return .text(String(decoding: bytes, as: UTF8.self)) }
        return nil
    }

    /// True for a cell that looks like a value: a number, a blank or an empty marker.
    public static func isValue(_ text: some StringProtocol) -> Bool { value(text) != nil }
}
