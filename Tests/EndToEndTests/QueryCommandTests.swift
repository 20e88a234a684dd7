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

/// `--db` after an interruption: a load killed part-way is rolled back when the file is opened again,
/// and the database holds all of a load or none of it.
struct InterruptedLoadTests {
    @Test func killedLoadsRollBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let db = folder.appendingPathComponent("k.db").path
        try BinaryRunner.run(["generate", corpus, "--reports", "1500"])
        #expect(try BinaryRunner.run(["--db", db, "-c", "reports", BinaryRunner.packageRoot.appendingPathComponent("samples").path]).status == 0)
        for delay in [300_000, 500_000, 700_000, 900_000] as [UInt32] {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["--db", db, "-c", "reports", corpus]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let reopened = try BinaryRunner.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM report", "--format", "csv"])
            #expect(reopened.status == 0, "\(reopened.stderr)")
            #expect(reopened.stdout == "n\r\n19\r\n" || reopened.stdout == "n\r\n1519\r\n", "all or none: \(reopened.stdout)")
            if reopened.stdout.contains("1519") { break }
        }
    }

    /// A hot journal for certain: the sqlite3 shell killed inside a transaction whose pages spilled to
    /// the file. gongkai opens the file read-write, SQLite rolls the journal back, and it says so (it had
    /// refused the file as "a readonly database").
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func aHotJournalIsRolledBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-hot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("h.db").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "reports", BinaryRunner.packageRoot.appendingPathComponent("samples").path]).status == 0)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [db]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        input.fileHandleForWriting.write(Data("""
            PRAGMA cache_size = 1;
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
              INSERT INTO narrative (report_id, section, heading, body) SELECT 1, 1, 'x', hex(randomblob(200)) FROM n;

            """.utf8))
        // The shell then waits for more input with its transaction open (stdin is not closed).
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: db + "-journal") { usleep(50_000) }
        usleep(500_000)
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: db + "-journal"))
        let reopened = try BinaryRunner.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM narrative WHERE heading = 'x'", "--format", "csv"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout == "n\r\n0\r\n")
        #expect(reopened.stderr.contains("an interrupted load was rolled back"))
    }

    /// A second process waits for a load's lock instead of calling the file foreign.
    @Test func aLockedDatabaseIsWaitedFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("l.db").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "reports", BinaryRunner.packageRoot.appendingPathComponent("samples").path]).status == 0)
        // Hold a write lock for 1.5 s from the sqlite3 shell.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db]
        let input = Pipe(), marker = Pipe()
        holder.standardInput = input
        holder.standardOutput = marker
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n.shell sleep 2\nCOMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        // The lock is held once the shell has printed its marker.
        _ = marker.fileHandleForReading.availableData
        let other = folder.appendingPathComponent("other.txt").path
        try Data(String(contentsOfFile: BinaryRunner.sample("威海市环翠区羊亭镇-2021.txt"), encoding: .utf8).replacing("566", with: "567").utf8)
            .write(to: URL(fileURLWithPath: other))
        let result = try BinaryRunner.run(["--db", db, "-c", "reports", other])
        holder.waitUntilExit()
        #expect(!result.stderr.contains("refusing to touch it"), "\(result.stderr)")
        #expect(result.stderr.contains("waiting for another process"), "\(result.stderr)")
    }
}

/// An insert that fails late in a load (a full disk, a trigger raising) ends the load with the file
/// named and everything rolled back — never a crash (the parsing pipe's semaphore was freed in use).
struct FailedLoadTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func anInsertFailingLateRollsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let db = folder.appendingPathComponent("f.db").path
        try BinaryRunner.run(["generate", corpus, "--reports", "1200"])
        _ = try BinaryRunner.run(["--db", db, "-c", "reports"])
        let trigger = Process()
        trigger.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        trigger.arguments = [db, "CREATE TRIGGER boom BEFORE INSERT ON report WHEN (SELECT count(*) FROM report) >= 900 BEGIN SELECT RAISE(ABORT, 'boom'); END;"]
        try trigger.run()
        trigger.waitUntilExit()
        let result = try BinaryRunner.run(["--db", db, "-c", "reports", corpus])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the load stopped at \(corpus)/000900-合成样例.txt: SQLite: boom; it was rolled back"), "\(result.stderr)")
        let count = try BinaryRunner.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM report", "--format", "csv"])
        #expect(count.stdout == "n\r\n0\r\n")
    }
}
