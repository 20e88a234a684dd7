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

    /// The row of the report whose id is `?1`: one pass over each table's rows of the report (the
    /// metrics of a table as FILTERs of one aggregate). A metric of one template only is summed here for
    /// every report: the question applies the template.
    static let insert: String = {
        let compiler = SQLCompiler()
        var names: [String] = ["report_id"]
        var values: [String] = ["?1"]
        var from: [String] = []
        for (index, source) in sources.enumerated() {
            let alias = "s\(index)"
            var columns = ["count(*) > 0 AS present"]
            names.append(presence(source))
            values.append("\(alias).present")
            for metric in metrics where metric.source == source {
                let value = Catalog.summed(metric, applicantColumns: false)
                let conditions = compiler.metricConditions(metric, facts: []).filter { !$0.hasPrefix("r.") }
                columns.append("sum(\(value)) FILTER (WHERE \(conditions.joined(separator: " AND "))) AS \(column(metric))")
                names.append(column(metric))
                values.append("\(alias).\(column(metric))")
            }
            from.append("(SELECT \(columns.joined(separator: ", ")) FROM \(Catalog.table(source, applicantColumns: false)!) f WHERE f.report_id = ?1) \(alias)")
        }
        return "INSERT INTO report_total (\(names.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) FROM \(from.joined(separator: ", "))"
    }()

    /// Every report's row made anew (a database converted from an earlier schema).
    static func rebuild(_ database: Database) throws(DatabaseError) {
        try database.execute(table)
        try database.execute("DELETE FROM report_total")
        let statement = try database.prepare(insert)
        for row in try database.query("SELECT id FROM report").rows { try statement.run([row[0]]) }
    }
}
