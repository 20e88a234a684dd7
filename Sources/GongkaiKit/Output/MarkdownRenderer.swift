/// A GitHub-flavoured Markdown table: numeric columns right-aligned (`---:`), `|` in cells escaped,
/// line breaks as `<br>`.
public enum MarkdownRenderer {
    public static func render(_ result: ResultSet, null: String = "") -> String {
        guard !result.columns.isEmpty else { return "" }
        let numeric = CellFormatting.numericColumns(result)
        var out = "| " + result.columns.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        let percent = result.columns.map { result.percentColumns.contains($0) }
        for row in result.rows {
            out += "| " + row.enumerated().map { column, value in
                (percent[column] ? CellFormatting.percent(value) : nil) ?? escape(CellFormatting.text(value, null: null))
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        TableRenderer.singleLine(text.replacing("|", with: "\\|").replacing("\r\n", with: "<br>").replacing("\n", with: "<br>"))
    }
}
