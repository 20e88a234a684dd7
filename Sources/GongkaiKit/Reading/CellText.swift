/// Reading one table cell's text as a value. Cells carry ideographic spaces (U+3000), en spaces (U+2002),
/// NBSP and ordinary spaces around the numbers; some carry a unit (`70487元`, `0件`).
public enum CellText {
    /// Markers that stand for "nothing here" in place of a number.
    static let emptyMarkers: Set<String> = ["/", "／", "—", "——", "-", "--", "–", "无", "無", "－", "\\", "空", "×", "x", "X"]
    static let units: [String] = ["万元", "条次", "元", "件", "条", "條", "个", "項", "项", "次", "篇", "期", "人次", "例", "份"]

    /// The cell's text with every kind of space removed.
    static func compact(_ text: some StringProtocol) -> String {
        String(text.filter { !MatchKey.isSpace($0) })
    }

    /// A number, when the whole cell is one (an optional sign, digits, an optional decimal part, an
    /// optional unit).
    public static func number(_ text: some StringProtocol) -> Double? {
        var body = compact(text)
        for unit in units where body.hasSuffix(unit) && body.count > unit.count {
            body.removeLast(unit.count)
            break
        }
        return plainNumber(body)
    }

    static func plainNumber(_ body: String) -> Double? {
        guard !body.isEmpty, body.utf8.count <= 24 else { return nil }
        var sawDigit = false, sawDot = false
        for (offset, byte) in body.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."): if sawDot { return nil } else { sawDot = true }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return nil }
            case UInt8(ascii: ","): continue
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return Double(body.replacing(",", with: ""))
    }

    /// What a cell that sits where a value is expected holds, or nil when it is a label instead.
    public static func value(_ text: some StringProtocol) -> CellValue? {
        let body = compact(text)
        if body.isEmpty { return .blank }
        if let number = number(body) { return .number(number) }
        if emptyMarkers.contains(body) { return .text(body) }
        return nil
    }

    /// True for a cell that looks like a value: a number, a blank or an empty marker.
    public static func isValue(_ text: some StringProtocol) -> Bool { value(text) != nil }
}
