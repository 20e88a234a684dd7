/// `show metrics | dimensions | reports | rules`, and `check` until the audit is wired in.
extension Session {
    func show(_ what: NameRef) throws -> ResultSet {
        switch what.name.lowercased() {
        case "metrics", "指标":
            return ResultSet(columns: ["metric", "指标", "source", "meaning"], rows: Catalog.metrics.map {
                [.text($0.name), .text($0.chinese), .text($0.source.rawValue), .text($0.summary)]
            })
        case "dimensions", "维度":
            return ResultSet(columns: ["dimension", "维度", "with", "meaning"], rows: Catalog.dimensions.map {
                [.text($0.name), .text($0.chinese), .text($0.source.map { Resolver.describe($0) } ?? "every metric"), .text($0.summary)]
            })
        case "reports", "报告":
            return try database.query("""
                SELECT r.id, coalesce(r.agency, '') AS agency, r.year, r.template, r.level,
                       (SELECT count(*) FROM finding f WHERE f.report_id = r.id) AS findings, r.file
                FROM report r ORDER BY r.county, r.township, r.year
                """)
        case "rules", "规则":
            return ResultSet(columns: ["rule", "规则", "severity", "checks"], rows: AuditRules.all.map {
                [.text($0.id), .text($0.title), .text($0.severity.rawValue), .text($0.summary)]
            })
        default:
            throw QueryError("cannot show “\(what.name)”: expected metrics, dimensions, reports or rules", at: what.range,
                             hints: Suggestions.didYouMean(Suggestions.nearest(what.name, among: ["metrics", "dimensions", "reports", "rules"])).map { [$0] } ?? [])
        }
    }
}
