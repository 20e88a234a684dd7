/// `report_total`: one row per report holding what each table metric of the catalogue sums in it
/// (`requests` = its 本年新收 总计, `reviews` = its 行政复议 总计, `penalties`, …), and whether the report has
/// rows in each fact table. Filled as each report is inserted, by SQL made from the metrics' own
/// definitions (Catalog, SQLCompiler.metricConditions), so it cannot say other than the rows it sums.
///
/// Why: a question by report dimensions (`requests, reviews, active, penalties by county, year`) read, per
/// metric table, an index lookup per report and an EXISTS per report; from here it reads one row per
/// report (docs/performance.md). A question about the facts themselves (by applicant, outcome, channel, or
/// filtered on them) still reads the fact tables.
public enum ReportTotals {
    /// The fact tables whose metrics are summed here, each with its presence column.
    static let sources: [Catalog.Source] = [.request, .review, .article20, .prose]

    static func presence(_ source: Catalog.Source) -> String { "has_\(source.rawValue)" }

    /// The metrics held: a table metric summing the rows its condition picks (not a whole-table aggregate).
    static let metrics: [Catalog.Metric] = Catalog.metrics.filter { sources.contains($0.source) && $0.aggregate == nil && $0.condition != nil }

    static func holds(_ metric: Catalog.Metric) -> Bool { metrics.contains { $0.name == metric.name } }

    /// The column of a metric: its name (`requests`, `penalties`).
    static func column(_ metric: Catalog.Metric) -> String { metric.name }

    static let table = """
    CREATE TABLE IF NOT EXISTS report_total (
        report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
        \(sources.map { "\(presence($0)) INTEGER NOT NULL" }.joined(separator: ", ")),
        \(metrics.map { "\(column($0)) NUMERIC" }.joined(separator: ", "))
    );
    """

    /// The row of the report whose id is `id` (an SQL expression: `?1`, or `r.id` over `FROM report r`).
    /// A metric of one template only is summed here for every report: the question applies the template.
    static func values(forReport id: String) -> String {
        let compiler = SQLCompiler()
        let present = sources.map { source in
            "EXISTS (SELECT 1 FROM \(Catalog.table(source, applicantColumns: false)!) e WHERE e.report_id = \(id))"
        }
        let sums = metrics.map { metric in
            let value = metric.source == .request ? Catalog.requestTotal : metric.value
            let conditions = compiler.metricConditions(metric, facts: []).filter { !$0.hasPrefix("r.") }
            return "(SELECT sum(\(value)) FROM \(Catalog.table(metric.source, applicantColumns: false)!) f WHERE f.report_id = \(id) AND \(conditions.joined(separator: " AND ")))"
        }
        return "\(id), " + (present + sums).joined(separator: ", ")
    }

    static let insert = "INSERT INTO report_total SELECT \(values(forReport: "?1"))"

    /// Every report's row made anew (a database converted from an earlier schema).
    static func rebuild(_ database: Database) throws(DatabaseError) {
        try database.execute(table)
        try database.execute("DELETE FROM report_total")
        try database.execute("INSERT INTO report_total SELECT \(values(forReport: "r.id")) FROM report r")
    }
}
