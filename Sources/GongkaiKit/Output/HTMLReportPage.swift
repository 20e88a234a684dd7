/// Results as one self-contained HTML page to hand on or print (no network: no script, no font or style
/// file): a title, when and from what it was made, then each statement as a section — its text, its table,
/// and its chart where the result can be charted (`SVGChart`); audit findings as a table with the cell and
/// the numbers. A print stylesheet lays it out on A4.
public struct HTMLReportPage {
    public struct Section {
        public var title: String
        public var statement: String
        public var results: [(title: String?, result: ResultSet)]
        /// Results shown as two texts side by side, shared passages shaded (by index into `results`).
        public var sideBySide: Set<Int> = []
        public var note: String?
        public var message: String?
        /// Findings are a list to read, not numbers to chart.
        public var chart = true
        public init(title: String, statement: String, results: [(title: String?, result: ResultSet)], note: String? = nil, message: String? = nil) {
            self.title = title
            self.statement = statement
            self.results = results
            self.note = note
            self.message = message
        }
    }

    public var title: String
    public var about: [(String, String)]
    public var sections: [Section]

    public init(title: String, about: [(String, String)], sections: [Section]) {
        self.title = title
        self.about = about
        self.sections = sections
    }

    static let style = """
    body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
    h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; }
    table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
    th, td { border: 1px solid #bbb; padding: 2px 8px; } th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .about td { border: none; padding: 0 1em 0 0; } pre { background: #f6f6f6; padding: 4px 8px; white-space: pre-wrap; }
    .note { color: #555; } figure { margin: 0.5em 0; }
    table.texts { width: 100%; table-layout: fixed; } table.texts th:first-child { width: 4em; }
    table.texts td { vertical-align: top; line-height: 1.6; } mark { background: #ffe08a; }
    @page { size: A4; margin: 15mm; }
    @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } h2 { break-after: avoid; } }
    """

    public func render() -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(XMLText.escape(title))</title><style>\(Self.style)</style></head><body>\n"
        html += "<h1>\(XMLText.escape(title))</h1>\n<table class=\"about\">" + about.map { "<tr><td>\(XMLText.escape($0.0))</td><td>\(XMLText.escape($0.1))</td></tr>" }.joined() + "</table>\n"
        for section in sections {
            html += "<section><h2>\(XMLText.escape(section.title))</h2>\n"
            if section.statement != section.title { html += "<pre>\(XMLText.escape(section.statement))</pre>\n" }
            if let message = section.message { html += "<pre>\(XMLText.escape(message))</pre>\n" }
            for (index, (title, result)) in section.results.enumerated() {
                if let title { html += "<h3>\(XMLText.escape(title))</h3>\n" }
                if section.sideBySide.contains(index) {
                    html += Self.sideBySide(result)
                    continue
                }
                html += Self.table(result)
                if section.chart, let chart = SVGChart.render(result), result.rows.count <= 60 { html += "<figure>\(chart)</figure>\n" }
            }
            if let note = section.note { html += "<p class=\"note\">\(XMLText.escape(note))</p>\n" }
            html += "</section>\n"
        }
        return html + "</body></html>\n"
    }

    /// Rows of (section, one text, the other) in two columns; the passages both have (`TextReuse.marks`)
    /// shaded, so what was copied and what was written anew show at a glance.
    static func sideBySide(_ result: ResultSet) -> String {
        guard result.columns.count == 3 else { return table(result) }
        var html = "<table class=\"texts\"><thead><tr>" + result.columns.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in result.rows {
            let left = row[1].string ?? "", right = row[2].string ?? ""
            let (leftMarks, rightMarks) = TextReuse.marks(left, right)
            html += "<tr><td>\(XMLText.escape(row[0].description))</td><td>\(shaded(left, leftMarks))</td><td>\(shaded(right, rightMarks))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static func shaded(_ text: String, _ marks: [Bool]) -> String {
        var html = ""
        var open = false
        for (scalar, marked) in zip(text.unicodeScalars, marks + Array(repeating: false, count: max(0, text.unicodeScalars.count - marks.count))) {
            if marked != open {
                html += marked ? "<mark>" : "</mark>"
                open = marked
            }
            html += scalar == "\n" ? "<br>" : XMLText.escape(String(scalar))
        }
        return html + (open ? "</mark>" : "")
    }

    static func table(_ result: ResultSet) -> String {
        let numeric = CellFormatting.numericColumns(result)
        var html = "<table><thead><tr>" + result.columns.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in result.rows {
            html += "<tr>" + row.enumerated().map { column, value in
                let text = (result.percentColumns.contains(result.columns[column]) ? CellFormatting.percent(value) : nil) ?? CellFormatting.text(value, null: "")
                return numeric[column] ? "<td class=\"n\">\(XMLText.escape(text))</td>" : "<td>\(XMLText.escape(text))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n<p class=\"note\">(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))</p>\n"
    }

}
