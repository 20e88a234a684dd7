/// `.help [topic]`: the language reference in brief, with examples. docs/query-language.md is the full one.
public enum HelpText {
    public static let topics = ["statements", "metrics", "dimensions", "where", "pivot", "check", "meta", "examples"]

    public static func topic(_ name: String?) -> String {
        switch name?.lowercased() {
        case nil:
            return """
            Type a statement and end it with ; (or an empty line); it may span lines until then.
            Tab completes keywords, metric and dimension names (English or 中文), values after = and in,
            file names after .load and .read. Ctrl-C discards the line or stops a running query; Ctrl-D quits.

              active by channel                       主动公开 按 渠道
              requests by township pivot year         years side by side, with change columns
              check                                   the audit: where the numbers do not add up

            .help TOPIC for more: \(topics.joined(separator: ", ")).

            """
        case "statements":
            return """
            METRIC[, METRIC…] [by DIM, …] [where COND] [pivot DIM] [order by COLUMN [desc], …] [limit N]
              metrics may be combined: granted / requests as 公开率
            check [RULE…] [where COND]          audit rules over the selected reports
            show metrics | dimensions | reports | rules
            explain STATEMENT                   the SQL and its bound values, without running it
            sql SELECT …                        raw SQL over the tables (.schema shows them)

            """
        case "metrics":
            return Catalog.metrics.map { "  \(pad($0.name, 20)) \(pad($0.chinese, 12)) \($0.summary)" }.joined(separator: "\n") + "\n"
        case "dimensions":
            return Catalog.dimensions.map { "  \(pad($0.name, 12)) \(pad($0.chinese, 8)) \($0.summary)" }.joined(separator: "\n") + "\n"
        case "where":
            return """
            where year = 2021                    where 年份 = 2019..2021          where county in (环翠区, 西山县)
            where township like '%镇'            where not level = street         where (a = 1 or b = 2) and c != 3
            Bare Chinese words are values; quote text with spaces: '…', "…" or “…”.

            """
        case "pivot":
            return """
            requests by township pivot year      one column per year, in order, then Δ and % change columns
            主动公开 按 乡镇 pivot 年份

            """
        case "check":
            return AuditRules.all.map { "  \(pad($0.id, 20)) \(pad($0.title, 16)) \($0.severity.rawValue): \($0.summary)" }.joined(separator: "\n") + "\n"
        case "meta":
            return """
            .help [TOPIC]            this help                 .load PATH…            add reports (files or folders)
            .reports                 the loaded reports        .schema [TABLE]        the tables, for sql statements
            .mode table|csv|json|markdown|bar|line|xlsx|html|svg   .sql on|off        show the SQL before results
            .timer on|off            time each statement       .bom on|off            a UTF-8 BOM before CSV
            .once FILE               next result to FILE       .output [FILE]         all results to FILE (none: back)
            .read FILE.gkq           run a saved query file (its sql read-only; .read --allow-writes FILE)
            .save FILE               write the database to FILE
            .nullvalue TEXT          how NULL shows            .quit                  leave (or Ctrl-D)

            """
        case "examples":
            return """
            active by channel where township = 羊亭镇 order by active desc
            requests, granted, granted / requests as 公开率 by township where year = 2021
            reviews, reviews_corrected by county
            handled by outcome, applicant
            check prose_requests where year = 2021
            findings by rule
            sql SELECT township, year, active_total FROM report ORDER BY township, year

            """
        default:
            return "no help on “\(name ?? "")”; topics: \(topics.joined(separator: ", "))\n"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String { DisplayWidth.pad(text, to: width) }
}
