import Foundation
import GongkaiKit

/// The figures, in the order the issue lists them.
struct Run {
    var options: Options

    static let queries: [(name: String, text: String)] = [
        ("channels by township", "active by township, channel"),
        ("requests by township pivot year", "requests by township pivot year"),
        ("four-way join", "requests, reviews, active, penalties by county, year"),
        ("audit check", "check"),
    ]

    func all() throws {
        let largest = (options.sizes + options.querySizes + [options.rssSize]).max() ?? 0
        print("gongkai-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores; sqlite3 shell: \(SQLiteShell.available ? "yes" : "not installed")")
        let (folder, files) = try Corpus.folder(count: largest)
        print(String(format: "%-44@ %8@  %14@ %-8@  %@", "figure" as NSString, "reports" as NSString, "median" as NSString, "unit" as NSString, "(spread) comparison" as NSString))
        try parsing()
        for size in options.sizes { try loading(Array(files.prefix(size))) }
        for size in options.querySizes { try querying(Array(files.prefix(size))) }
        try compiling()
        try startup()
        try memory(folder: folder, count: options.rssSize)
    }

    /// Read + parse, one core, from bytes in memory (no disk): a pool of distinct reports parsed round.
    func parsing() throws {
        let pool = Corpus.texts(count: min(1000, options.sizes.max() ?? 1000))
        let reader = ReportReader()
        for size in options.sizes {
            var bytes = 0
            let times = try Measure.seconds(runs: options.runs) {
                bytes = 0
                for index in 0..<size {
                    let text = pool[index % pool.count]
                    bytes += text.count
                    _ = try reader.read(bytes: text, file: "bench.txt")
                }
            }
            Figure(name: "parse: reports/s (1 core)", size: size, values: times.map { Double(size) / $0 }, unit: "rep/s").print()
            Figure(name: "parse: MB/s (1 core)", size: size, values: times.map { Double(bytes) / $0 / 1e6 }, unit: "MB/s").print()
        }
    }

    /// Files on disk → the database (read, parse, insert; one transaction), in memory and on disk,
    /// beside sqlite3 importing exactly the same rows from CSV.
    func loading(_ files: [String]) throws {
        let size = files.count
        var rows = 0
        let memory = try Measure.seconds(runs: options.runs) {
            let session = try Session.open(path: nil)
            _ = try session.load(files: files)
            rows = try totalRows(session.database)
        }
        let dbPath = NSTemporaryDirectory() + "gongkai-bench-load.db"
        let disk = try Measure.seconds(runs: options.runs) {
            unlink(dbPath)
            let session = try Session.open(path: dbPath)
            _ = try session.load(files: files)
        }
        var comparison = ""
        var diskComparison = ""
        if SQLiteShell.available {
            let script = try importScript(files)
            let shell = try (0..<options.runs).map { _ in try SQLiteShell.time(database: ":memory:", script: script) }
            let shellDisk = try (0..<options.runs).map { _ -> Double in
                unlink(dbPath)
                return try SQLiteShell.time(database: dbPath, script: script)
            }
            Figure(name: "load: sqlite3 .import, same rows (memory)", size: size, values: shell, unit: "s").print()
            Figure(name: "load: sqlite3 .import, same rows (disk)", size: size, values: shellDisk, unit: "s").print()
            comparison = String(format: "%.2f× sqlite3 .import (target ≤ 1.3×)", Measure.median(memory) / Measure.median(shell))
            diskComparison = String(format: "%.2f× sqlite3 .import", Measure.median(disk) / Measure.median(shellDisk))
        }
        unlink(dbPath)
        // The floor: the same files read and parsed on every core, nothing inserted. Since section 三 is
        // stored a table row per row (7× fewer rows), SQLite's part of a load is small and a load costs
        // about what reading the reports costs.
        let reading = Measure.seconds(runs: options.runs) { _ = ParallelReader.read(files) }
        Figure(name: "load: read + parse only, every core, no database", size: size, values: reading, unit: "s").print()
        comparison += String(format: "; %.2f× reading alone", Measure.median(memory) / Measure.median(reading))
        Figure(name: "load: gongkai, parse included (memory)", size: size, values: memory, unit: "s", comparison: comparison).print()
        Figure(name: "load: gongkai, parse included (--db disk)", size: size, values: disk, unit: "s", comparison: diskComparison).print()
        Figure(name: "load: rows inserted", size: size, values: [Double(rows)], unit: "rows").print()
    }

    func totalRows(_ database: Database) throws -> Int {
        try Schema.tables.reduce(0) { $0 + Int(try database.scalar("SELECT count(*) FROM \($1)")?.double ?? 0) }
    }

    /// The schema, then every table's rows as CSV imported in one transaction.
    func importScript(_ files: [String]) throws -> String {
        let session = try Session.open(path: nil)
        _ = try session.load(files: files)
        let folder = NSTemporaryDirectory() + "gongkai-bench-csv"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var script = Schema.sql.replacingOccurrences(of: "PRAGMA foreign_keys = ON;", with: "") + "\nBEGIN;\n"
        for table in Schema.tables {
            let rows = try session.database.query("SELECT * FROM \(table)")
            var csv = CSVRenderer.render(rows)
            if let headerEnd = csv.range(of: "\r\n") { csv.removeSubrange(csv.startIndex..<headerEnd.upperBound) }
            try Data(csv.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(table).csv"))
            script += ".import --csv \(folder)/\(table).csv \(table)\n"
        }
        return script + "COMMIT;\n"
    }

    /// The fixed queries on a database file of `files`, beside the shell running the SQL `explain` prints.
    func querying(_ files: [String]) throws {
        let size = files.count
        let dbPath = NSTemporaryDirectory() + "gongkai-bench-query-\(size).db"
        unlink(dbPath)
        do {
            let session = try Session.open(path: dbPath)
            _ = try session.load(files: files)
        }
        let session = try Session.open(path: dbPath)
        let baseline = SQLiteShell.available ? try SQLiteShell.baseline(database: dbPath) : 0
        let duckPath = NSTemporaryDirectory() + "gongkai-bench-\(size).duckdb"
        var duckBaseline: Double?
        if DuckDBShell.path != nil {
            try DuckDBShell.load(from: session.database, to: duckPath)
            duckBaseline = Measure.median(try (0..<5).map { _ in try DuckDBShell.time(database: duckPath, script: "SELECT 1;\n") })
        }
        defer { unlink(duckPath) }
        for (name, text) in Self.queries {
            _ = try session.render(session.execute(text))
            let ours = try Measure.seconds(runs: options.runs) { _ = try session.render(session.execute(text)) }
            var comparison = ""
            if SQLiteShell.available {
                // A fast statement five times in one shell: it is then not lost in the noise of the
                // shell's own start-up, which is subtracted. A slow one once.
                let repeats = Measure.median(ours) < 1 ? 5 : 1
                let script = String(repeating: try shellScript(for: text, session: session), count: repeats)
                let shell = try (0..<options.runs).map { _ in
                    max(1e-6, (try SQLiteShell.time(database: dbPath, script: script) - baseline) / Double(repeats))
                }
                Figure(name: "query: sqlite3 shell, \(name)", size: size, values: shell.map { $0 * 1000 }, unit: "ms").print()
                comparison = String(format: "%.2f× sqlite3 shell (target ≤ 1.1×)", Measure.median(ours) / Measure.median(shell))
            }
            Figure(name: "query: gongkai, \(name)", size: size, values: ours.map { $0 * 1000 }, unit: "ms", comparison: comparison).print()
            // DuckDB on the same rows with SQL written for it; the same start-up subtraction as the shell's.
            if let duckBaseline, let sql = DuckDBShell.questions[name] {
                let repeats = 5
                let duck = try (0..<options.runs).map { _ in
                    max(1e-6, (try DuckDBShell.time(database: duckPath, script: String(repeating: sql + ";\n", count: repeats)) - duckBaseline) / Double(repeats))
                }
                Figure(name: "query: duckdb (hand-written SQL), \(name)", size: size, values: duck.map { $0 * 1000 }, unit: "ms",
                       comparison: String(format: "gongkai at %.1f× DuckDB (target ≤ 2×)", Measure.median(ours) / Measure.median(duck))).print()
            } else if DuckDBShell.path == nil {
                print("query: duckdb, \(name) \(size)  — duckdb not installed (pip install duckdb-cli)")
            }
        }
        // 正文重复率 of every consecutive pair (one body, years one apart), measured afresh each run; and a
        // prose search over every report.
        let reuse = try Measure.seconds(runs: options.runs) { _ = try ReuseTable.rebuildForBenchmark(session.database) }
        let pairs = try session.database.scalar("SELECT count(DISTINCT report_id) FROM text_reuse")?.double ?? 0
        Figure(name: "reuse: every consecutive pair (\(Int(pairs)) pairs)", size: size, values: reuse, unit: "s").print()
        let search = try Measure.seconds(runs: options.runs) { _ = try session.render(session.execute("search 加强培训")) }
        Figure(name: "search: one phrase in every report", size: size, values: search.map { $0 * 1000 }, unit: "ms").print()
        unlink(dbPath)
    }

    /// The SQL gongkai runs for a statement, for the shell.
    func shellScript(for text: String, session: Session) throws -> String {
        let statement = try Parser.parse(text)[0]
        switch statement.node {
        case .query(let node):
            switch try session.compile(node) {
            case .query(let query): return SQLiteShell.script(query)
            case .pivot(let plan):
                // As gongkai runs it: the base into a temporary table, the values, the columns, the drop.
                let values = try session.withPivotBase(plan) { $0 }
                return PivotPlan.drop + ";\n" + SQLiteShell.script(plan.materialize) + SQLiteShell.script(plan.valuesQuery)
                    + SQLiteShell.script(try plan.finish(values: values)) + PivotPlan.drop + ";\n"
            }
        case .check:
            var script = "CREATE TEMP TABLE IF NOT EXISTS audit_scope (id INTEGER PRIMARY KEY);\nDELETE FROM temp.audit_scope;\n"
            script += "INSERT INTO temp.audit_scope SELECT id FROM report;\nBEGIN;\n"
            script += "DELETE FROM finding WHERE report_id IN (SELECT id FROM temp.audit_scope) AND rule NOT LIKE 'parse:%';\n"
            for rule in AuditRules.all { script += rule.sql + ";\n" }
            script += "COMMIT;\nSELECT \(Auditor.columns) FROM finding f JOIN report r ON r.id = f.report_id WHERE f.report_id IN (SELECT id FROM temp.audit_scope) AND f.rule NOT LIKE 'parse:%' ORDER BY f.severity, r.county, r.township, r.agency, r.year, f.rule, f.rowid;\n"
            return script
        default:
            return ""
        }
    }

    /// Lexing, parsing, resolving and compiling one statement, no database.
    func compiling() throws {
        for (name, text) in Self.queries where !text.hasPrefix("check") {
            let iterations = 2000
            let times = try Measure.seconds(runs: options.runs) {
                for _ in 0..<iterations {
                    guard case .query(let node) = try Parser.parse(text)[0].node else { continue }
                    _ = SQLCompiler().compile(try Resolver().resolve(node))
                }
            }
            Figure(name: "compile: \(name)", size: nil, values: times.map { $0 / Double(iterations) * 1e6 }, unit: "µs",
                   comparison: "target < 200 µs").print()
        }
    }

    /// The release binary started on samples/ under a pseudo-terminal, until its first prompt.
    func startup() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongkai").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("start-up: \(binary) not built; skipped")
            return
        }
        let times = try (0..<max(3, options.runs)).map { _ in try Terminal.timeToPrompt(binary: binary, prompt: "gongkai>") }
        Figure(name: "start-up to the first prompt (samples/)", size: nil, values: times.map { $0 * 1000 }, unit: "ms",
               comparison: "target < 100 ms").print()
    }

    /// Peak memory of a process that loads `count` reports into memory.
    func memory(folder: String, count: Int) throws {
        let run = try Measure.spawn(CommandLine.arguments[0], ["--rss-child", folder, String(count)])
        let elapsed = run.seconds
        let kilobytes = Double(String(decoding: run.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        Figure(name: "max RSS, reports loaded in memory", size: count, values: [kilobytes / 1024], unit: "MB", comparison: "target < 3000 MB").print()
        Figure(name: "load in that process (memory)", size: count, values: [elapsed], unit: "s", comparison: "target < 60 s for 100000").print()
    }
}
