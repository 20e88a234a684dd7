import Foundation
import GongkaiKit

/// SQLite's own shell, run on the same work: the floor gongkai is compared with.
enum SQLiteShell {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") }

    /// Seconds `sqlite3 DATABASE` takes to run `script` (output discarded).
    static func time(database: String, script: String) throws -> Double {
        let path = NSTemporaryDirectory() + "gongkai-bench-\(getpid()).sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let run = try Measure.spawn("/usr/bin/sqlite3", ["-batch", database, ".read \(path)"], keepOutput: false)
        if run.status != 0 || !run.stderr.isEmpty {
            throw StoreError(message: "sqlite3 failed: \(String(decoding: run.stderr, as: UTF8.self).prefix(400))")
        }
        return run.seconds
    }

    /// The shell's own start and stop, subtracted from query times (gongkai's are measured in-process).
    static func baseline(database: String) throws -> Double {
        Measure.median(try (0..<5).map { _ in try time(database: database, script: "SELECT 1;\n") })
    }

    /// A query as the shell runs it: its parameters set with `.parameter set`, then the SQL.
    static func script(_ query: CompiledQuery) -> String {
        var script = ""
        for (index, value) in query.values.enumerated() {
            let literal: String
            switch value {
            case .text(let text): literal = "\"'" + text.replacingOccurrences(of: "'", with: "''") + "'\""
            case .null: literal = "NULL"
            default: literal = value.description
            }
            script += ".parameter set ?\(index + 1) \(literal)\n"
        }
        return script + query.sql + ";\n" + (query.values.isEmpty ? "" : ".parameter clear\n")
    }
}
