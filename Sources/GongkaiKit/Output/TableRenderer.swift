/// Aligned columns for the terminal. Widths are display widths (a CJK character takes two columns), so
/// Chinese labels line up; numbers are right-aligned; NULL is `(null)`; a row count closes the table.
public enum TableRenderer {
    public static let maxColumnWidth = 60

    public static func render(_ result: ResultSet) -> String {
        guard !result.columns.isEmpty else { return "" }
        let numeric = CellFormatting.numericColumns(result)
        // Each cell's text and display width, measured once.
        let cells: [[(text: String, width: Int)]] = result.rows.map { row in
            row.map { value in
                let text = DisplayWidth.truncate(singleLine(CellFormatting.text(value)), to: maxColumnWidth)
                return (text, DisplayWidth.of(text))
            }
        }
        var widths = result.columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (index, cell) in row.enumerated() where cell.width > widths[index] { widths[index] = cell.width }
        }
        func line(_ values: [(text: String, width: Int)]) -> String {
            var out = ""
            for (index, value) in values.enumerated() {
                if index > 0 { out += "  " }
                let padding = String(repeating: " ", count: max(0, widths[index] - value.width))
                if numeric[index] { out += padding + value.text } else if index == values.count - 1 { out += value.text } else { out += value.text + padding }
            }
            return out
        }
        var out = [line(result.columns.map { ($0, DisplayWidth.of($0)) }), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        out.append("(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))")
        return out.joined(separator: "\n") + "\n"
    }

    /// Line breaks and tabs inside a cell would break the grid: shown as ↵ and a space.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "↵" : $0 == "\t" ? " " : $0 })
    }
}
