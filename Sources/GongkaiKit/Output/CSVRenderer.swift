/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
/// NULL is an empty field. With `bom`, a UTF-8 BOM first so Excel and WPS read Chinese text correctly.
public enum CSVRenderer {
    public static func render(_ result: ResultSet, bom: Bool = false) -> String {
        var out = bom ? "\u{FEFF}" : ""
        out += result.columns.map(field).joined(separator: ",") + "\r\n"
        for row in result.rows { out += line(row) }
        return out
    }

    /// One row, CRLF-terminated.
    static func line(_ row: [DatabaseValue]) -> String {
        row.map { value in value == .null ? "" : field(CellFormatting.text(value)) }.joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
