import Foundation
import Testing

/// `gongkai -c "sql …"` over the samples, the output formats, SQL errors and `--db`.
struct QueryCommandTests {
    @Test func rawSQLOverTheSamples() throws {
        let result = try BinaryRunner.run(["-c", "sql SELECT township, year, active_total FROM report WHERE township = '羊亭镇'"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            township  year  active_total
            ────────  ────  ────────────
            羊亭镇    2021           910
            (1 row)

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test func csvWithBOMAndJSON() throws {
        let csv = try BinaryRunner.run(["-c", "sql SELECT channel, items FROM active_channel JOIN report ON report.id = report_id WHERE township = '羊亭镇' ORDER BY items DESC",
                                        "--format", "csv", "--bom"])
        #expect(csv.status == 0)
        #expect(csv.stdout == "\u{FEFF}channel,items\r\n微信公众号,566\r\n微博,188\r\n政府网站,92\r\n抖音,64\r\n")
        let json = try BinaryRunner.run(["-c", "sql SELECT count(*) AS reports, sum(active_total) AS active FROM report WHERE county = '西山县'", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["reports"] as? Int == 6)
    }

    @Test func sqlErrorsPointAtThePosition() throws {
        let result = try BinaryRunner.run(["-c", "sql SELECT townshp FROM report"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // The caret stands where SQLite's error offset points, in the statement as typed.
        #expect(result.stderr == "error: SQLite: no such column: townshp\nsql SELECT townshp FROM report\n           ^\n")
    }

    @Test func aDatabaseFileKeepsWhatWasLoaded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("reports.gongkai").path
        let load = try BinaryRunner.run(["--db", db, BinaryRunner.packageRoot.appendingPathComponent("samples").path])
        #expect(load.status == 0)
        #expect(load.stdout.hasPrefix("19 report(s) of 7 bodies"))
        let reopen = try BinaryRunner.run(["--db", db, "-c", "sql SELECT count(*) FROM report"])
        #expect(reopen.status == 0)
        #expect(reopen.stdout.contains("\n      19\n"))
        let again = try BinaryRunner.run(["--db", db, BinaryRunner.sample("威海市环翠区羊亭镇-2021.txt")])
        #expect(again.stderr.contains("has the same content as"))
        #expect(again.stdout.hasPrefix("19 report(s)"))
    }

    @Test func aFileThatIsNotAGongkaiDatabaseIsLeftAlone() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-notdb-\(UUID().uuidString).txt")
        try Data("my notes\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BinaryRunner.run(["--db", file.path, "-c", "sql SELECT 1"])
        #expect(result.status == 1)
        #expect(result.stderr == "gongkai: error: \(file.path) is not a SQLite database; refusing to touch it\n")
        #expect(try Data(contentsOf: file) == Data("my notes\n".utf8))
    }
}

/// Usage errors of the default command name the program as it is typed.
struct UsageTests {
    @Test func defaultCommandUsageReadsGongkai() throws {
        let result = try BinaryRunner.run(["--bogus"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage: gongkai [<paths> ...]"))
        #expect(!result.stderr.contains("Usage: gongkai main"))
    }
}
