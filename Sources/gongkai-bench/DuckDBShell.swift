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
    /// DuckDB has the same tables as gongkai, `report_total` (each report's totals) among them, and each
    /// question is written the fastest way found for it there.
    static let questions: [String: String] = [
        "channels by township": """
            SELECT r.township_place AS township, c.channel, sum(c.items) AS active FROM report r JOIN active_channel c ON c.report_id = r.id
            WHERE c.approximate = 0 GROUP BY ALL ORDER BY ALL
            """,
        "requests by township pivot year": """
            PIVOT (SELECT r.township_place AS township, r.year, t.requests FROM report r JOIN report_total t ON t.report_id = r.id
                   WHERE t.has_request = 1) ON year USING sum(requests) GROUP BY township ORDER BY township
            """,
        "four-way join": """
            SELECT r.county_place AS county, r.year, sum(t.requests) FILTER (WHERE t.has_request = 1) AS requests,
                   sum(t.reviews) FILTER (WHERE t.has_review = 1) AS reviews, sum(coalesce(r.active_total, c.items)) AS active,
                   sum(t.penalties) FILTER (WHERE t.has_article20 = 1) AS penalties
            FROM report r LEFT JOIN report_total t ON t.report_id = r.id
            LEFT JOIN (SELECT report_id, sum(items) AS items FROM active_channel WHERE approximate = 0 GROUP BY report_id) c ON c.report_id = r.id
            GROUP BY ALL ORDER BY ALL
            """,
    ]

    /// A DuckDB database of the gongkai database's tables (through CSV files with headers).
    static func load(from database: Database, to path: String) throws {
        unlink(path)
        let folder = NSTemporaryDirectory() + "gongkai-bench-duckdb"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var script = ""
        for table in ["report", "active_channel", "request_row", "review_litigation", "article20", "report_total"] {
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
