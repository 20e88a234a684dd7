import Foundation
import GongkaiKit

/// The DuckDB CLI (PyPI `duckdb-cli`, which `scripts/bench` installs when it can) on the same rows, with SQL
/// written by hand for it: what an analytic engine makes of the same questions. Optional: without it the
/// figures say so.
enum DuckDBShell {
    static var path: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/duckdb"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The questions of `Run.queries`, by name, in DuckDB's SQL (the audit is left out: fifteen rules by hand).
    static let questions: [String: String] = [
        "channels by township": """
            SELECT r.township_place AS township, c.channel, sum(c.items) AS active FROM report r JOIN active_channel c ON c.report_id = r.id
            WHERE c.approximate = 0 GROUP BY ALL ORDER BY ALL
            """,
        "requests by township pivot year": """
            PIVOT (SELECT r.township_place AS township, r.year, q.count FROM report r JOIN request q ON q.report_id = r.id
                   WHERE q.stage = '本年新收' AND q.applicant = '总计') ON year USING sum(count) GROUP BY township ORDER BY township
            """,
        "four-way join": """
            WITH q AS (SELECT r.county_place AS county, r.year, sum(f.count) AS requests FROM report r JOIN request f ON f.report_id = r.id
                       WHERE f.stage = '本年新收' AND f.applicant = '总计' GROUP BY ALL),
                 v AS (SELECT r.county_place AS county, r.year, sum(f.count) AS reviews FROM report r JOIN review_litigation f ON f.report_id = r.id
                       WHERE f.kind = '行政复议' AND f.result = '总计' GROUP BY ALL),
                 a AS (SELECT r.county_place AS county, r.year, sum(coalesce(r.active_total, c.items)) AS active FROM report r
                       LEFT JOIN (SELECT report_id, sum(items) AS items FROM active_channel WHERE approximate = 0 GROUP BY report_id) c ON c.report_id = r.id
                       GROUP BY ALL),
                 p AS (SELECT r.county_place AS county, r.year, sum(f.value) AS penalties FROM report r JOIN article20 f ON f.report_id = r.id
                       WHERE f.content = '行政处罚' AND f.measure IN ('本年处理决定数量', '处理决定数量') GROUP BY ALL)
            SELECT * FROM a FULL JOIN q USING (county, year) FULL JOIN v USING (county, year) FULL JOIN p USING (county, year) ORDER BY ALL
            """,
    ]

    /// A DuckDB database of the gongkai database's tables (through CSV files with headers).
    static func load(from database: Database, to path: String) throws {
        unlink(path)
        let folder = NSTemporaryDirectory() + "gongkai-bench-duckdb"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var script = ""
        for table in ["report", "active_channel", "request", "review_litigation", "article20"] {
            let rows = try database.query("SELECT * FROM \(table)")
            try Data(CSVRenderer.render(rows).utf8).write(to: URL(fileURLWithPath: "\(folder)/\(table).csv"))
            script += "CREATE TABLE \(table) AS SELECT * FROM read_csv('\(folder)/\(table).csv', header = true, all_varchar = false);\n"
        }
        _ = try time(database: path, script: script)
    }

    /// Seconds the CLI takes to run `script` on `database` (output discarded).
    static func time(database: String, script: String) throws -> Double {
        guard let path else { throw StoreError(message: "duckdb is not installed") }
        let file = NSTemporaryDirectory() + "gongkai-bench-duckdb-\(getpid()).sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        defer { unlink(file) }
        let run = try Measure.spawn(path, [database, "-c", ".read \(file)"], keepOutput: false)
        if run.status != 0 {
            throw StoreError(message: "duckdb failed: \(String(decoding: run.stderr, as: UTF8.self).prefix(400))")
        }
        return run.seconds
    }
}
