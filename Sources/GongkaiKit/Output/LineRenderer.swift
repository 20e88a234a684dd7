/// One row per block, one `column = value` line per cell, column names right-aligned — sqlite3's
/// `.mode line`, psql's `\x`. For rows too wide for a terminal (findings with long messages): every
/// value is whole, however long.
public enum LineRenderer {
    public static func render(_ result: ResultSet, null: String = "") -> String {
        guard !result.columns.isEmpty else { return "" }
        let width = result.columns.map { DisplayWidth.of($0) }.max() ?? 0
        let percent = result.columns.map { result.percentColumns.contains($0) }
        var blocks: [String] = []
        for row in result.rows {
            var block = ""
            for (column, value) in row.enumerated() where column < result.columns.count {
                let name = result.columns[column]
                let text = (percent[column] ? CellFormatting.percent(value) : nil) ?? CellFormatting.text(value, null: null)
                block += String(repeating: " ", count: width - DisplayWidth.of(name)) + name + " = "
                    + text.replacing("\n", with: "\n" + String(repeating: " ", count: width + 3)) + "\n"
            }
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
    }
}
