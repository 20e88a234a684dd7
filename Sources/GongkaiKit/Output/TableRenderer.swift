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
                let text = singleLine(CellFormatting.text(value))
                let width = DisplayWidth.of(text)
                // Measured once; cut (and measured again) only when too wide.
                if width <= maxColumnWidth { return (text, width) }
                let cut = DisplayWidth.truncate(text, to: maxColumnWidth)
                return (cut, DisplayWidth.of(cut))
            }
        }
        var widths = result.columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (index, cell) in row.enumerated() where cell.width > widths[index] { widths[index] = cell.width }
        }
        // One output string, appended to in place: 12,000 rows are common (channels by township).
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count + 1) * (cells.count + 3))
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 1)
        func pad(_ count: Int) {
            guard count > 0 else { return }
            out += spaces[..<spaces.utf8.index(spaces.utf8.startIndex, offsetBy: count)]
        }
        func line(_ values: [(text: String, width: Int)]) {
            for (index, value) in values.enumerated() {
                if index > 0 { out.append("  ") }
                if numeric[index] {
                    pad(widths[index] - value.width)
                    out.append(value.text)
                } else {
                    out.append(value.text)
                    if index < values.count - 1 { pad(widths[index] - value.width) }
                }
            }
            out.append("\n")
        }
        line(result.columns.map { ($0, DisplayWidth.of($0)) })
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        out.append("\n")
        for row in cells { line(row) }
        out.append("(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n")
        return out
    }

    /// Line breaks and tabs inside a cell would break the grid: shown as ↵ and a space.
    static func singleLine(_ text: String) -> String {
        // A byte test first: walking Characters costs grapheme breaking on every Chinese cell.
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "↵" : $0 == "\t" ? " " : $0 })
    }
}
