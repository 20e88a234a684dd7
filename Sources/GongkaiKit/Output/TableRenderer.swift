/// Aligned columns for the terminal. Widths are display widths (a CJK character takes two columns), so
/// Chinese labels line up; numbers are right-aligned; NULL is `(null)`; a row count closes the table.
public enum TableRenderer {
    public static let maxColumnWidth = 60

    public static func render(_ result: ResultSet) -> String {
        guard !result.columns.isEmpty else { return "" }
        let numeric = CellFormatting.numericColumns(result)
        let cells = result.rows.map { row in row.map { DisplayWidth.truncate(singleLine(CellFormatting.text($0)), to: maxColumnWidth) } }
        var widths = result.columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (index, value) in values.enumerated() {
                let isLast = index == values.count - 1
                let padded = DisplayWidth.pad(value, to: widths[index], right: numeric[index])
                parts.append(isLast && !numeric[index] ? value : padded)
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(result.columns.enumerated().map { index, name in
            numeric[index] ? DisplayWidth.pad(name, to: widths[index], right: true) : name
        }), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
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
