/// How results are printed. Every renderer takes a `ResultSet` and returns text; none writes anywhere.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown, bar, line, xlsx, html, svg

    /// One document for a whole run (a workbook, a report page), written when the run ends: the shell
    /// collects the results (`Shell+Document`).
    public var isDocument: Bool { self == .xlsx || self == .html }

    /// The extension of a file holding one result in this format.
    public var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .json: return "json"
        case .markdown: return "md"
        case .table, .bar, .line: return "txt"
        case .xlsx: return "xlsx"
        case .html: return "html"
        case .svg: return "svg"
        }
    }

    public func render(_ result: ResultSet, options: RenderOptions = RenderOptions()) -> String {
        switch self {
        case .table: return TableRenderer.render(result, null: options.nullValue, cutWide: options.toTerminal)
        case .csv: return CSVRenderer.render(result, bom: options.bom)
        case .json: return JSONRenderer.render(result)
        case .markdown: return MarkdownRenderer.render(result, null: options.nullValue)
        case .bar: return BarChartRenderer.render(result, width: options.width, null: options.nullValue)
        case .line: return LineRenderer.render(result, null: options.nullValue)
        case .svg: return SVGChart.render(result) ?? "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"24\"><text x=\"4\" y=\"16\">no numeric column to chart</text></svg>\n"
        case .html: return HTMLReportPage(title: "gongkai", about: [], sections: [.init(title: "", statement: "", results: [(nil, result)])]).render()
        case .xlsx: return ""  // binary: written whole by the shell (Shell+Document)
        }
    }

    /// The table, or — on a terminal, when the table is wider than the terminal — one block per row
    /// (`.line`), so that long values (a finding's message) are read whole rather than cut.
    public func renderFitting(_ result: ResultSet, options: RenderOptions) -> String {
        guard self == .table, options.toTerminal else { return render(result, options: options) }
        let table = render(result, options: options)
        let first = table.prefix { $0 != "\n" }
        guard DisplayWidth.of(first) > options.width else { return table }
        return LineRenderer.render(result, null: options.nullValue) + "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n"
    }
}

public struct RenderOptions: Sendable {
    /// Prepend a UTF-8 BOM to CSV so Excel and WPS take the file for UTF-8.
    public var bom = false
    /// Terminal width for bar charts.
    public var width = 80
    /// How the table, Markdown and bar outputs show NULL: empty by default, as a spreadsheet does
    /// (`.nullvalue TEXT` in the REPL, as in sqlite3). CSV always leaves it empty, JSON writes null.
    public var nullValue = ""
    /// The output goes to a terminal: the table cuts cells wider than 60 columns. Not to one (a file,
    /// a pipe): every character is written.
    public var toTerminal = false
    public init(bom: Bool = false, width: Int = 80) {
        self.bom = bom
        self.width = width
    }
}

/// Cell text shared by the text renderers: numbers as SQLite holds them; NULL as the caller says (a
/// pivot's column label for a NULL value reads `(null)`, a cell is empty by default).
enum CellFormatting {
    static func text(_ value: DatabaseValue, null: String = "(null)") -> String {
        switch value {
        case .null: return null
        case .real(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return shortDecimal(number)
        default: return value.description
        }
    }

    /// A ratio as a percentage with one decimal (`0.8621` → `86.2%`); nil for what is not a number.
    static func percent(_ value: DatabaseValue) -> String? {
        guard let number = value.double, number.isFinite else { return nil }
        let tenths = (number * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int64(tenths)) + ".0" : String(tenths)) + "%"
    }

    /// Up to four decimals, without trailing zeros (`0.3333`, `12.5`).
    static func shortDecimal(_ number: Double) -> String {
        let scaled = (number * 10000).rounded() / 10000
        var text = String(scaled)
        if text.contains("e") { return String(number) }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A column is numeric when every non-NULL value in it is.
    static func numericColumns(_ result: ResultSet) -> [Bool] {
        result.columns.indices.map { column in
            let values = result.rows.map { $0[column] }.filter { $0 != .null }
            return !values.isEmpty && values.allSatisfy(\.isNumeric)
        }
    }
}
