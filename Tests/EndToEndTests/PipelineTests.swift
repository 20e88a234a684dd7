import Foundation
import Testing

/// One statement pipeline for `-c`, `run` and piped input: statements run one at a time (a failure
/// under --bail stops what comes after it before it runs), one bad character costs one statement, raw
/// SQL reaches SQLite as typed, and results are framed for the format they are written in.
struct PipelineTests {
    static func file(_ name: String, _ text: String) throws -> (folder: URL, path: String) {
        let folder = try RunCommandTests.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// The mixed file of the issue: a stray character, raw SQL with `||`, `%` and a `--` comment holding a
    /// quote, and a pivot ordered by one of its year columns.
    @Test func aMixedQueryFile() throws {
        let (folder, path) = try Self.file("mixed.gkq", """
            -- name: levels
            reports by level
            -- name: stray
            active @ channel
            -- name: joined
            sql SELECT 'a' || 'b' AS joined, 7 % 3 AS rest, 1 & 3 AS band, ~1 AS bnot, [year], `level`
              FROM report -- don't stop here
              WHERE year = 2021 LIMIT 1;
            -- name: pivot by 2023
            requests by township pivot year order by 2023 desc
            -- name: last
            reports by template
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["run", path, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(path):4:8: error: unexpected character “@”\nactive @ channel\n       ^\n")
        #expect(result.stdout.contains("-- joined\njoined,rest,band,bnot,year,level\r\nab,1,1,-2,2021,"))
        #expect(result.stdout.contains("-- levels\n"))
        #expect(result.stdout.contains("-- last\n"))
        // Ordered by the 2023 column, largest first.
        let pivot = try #require(result.stdout.components(separatedBy: "-- pivot by 2023\n").last?.components(separatedBy: "-- last").first)
        let rows = pivot.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = pivot.split(separator: "\r\n").first?.split(separator: ",") ?? []
        let column = try #require(header.firstIndex(of: "2023"))
        let values = rows.compactMap { Int($0[column]) }
        #expect(values.count >= 5)
        #expect(values == values.sorted(by: >))
    }

    /// With --bail nothing after the failure runs: the table is not created.
    @Test func bailStopsBeforeTheNextStatementRuns() throws {
        let (folder, path) = try Self.file("bail.gkq", "bogus_metric by year;\nsql CREATE TABLE after_failure(x);\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("t.db").path
        let result = try BinaryRunner.run(["run", path, "--bail", "--db", db])
        #expect(result.status == 1)
        let tables = try BinaryRunner.run(["-c", "sql SELECT count(*) AS n FROM sqlite_schema WHERE name = 'after_failure'", "--db", db, "--format", "csv"])
        #expect(tables.stdout == "n\r\n0\r\n")
    }

    @Test func rawSQLIsSQLitesText() throws {
        let result = try BinaryRunner.run(["-c", "sql SELECT 'x' || '（，）' AS a, 7 % 3 AS b", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "a,b\r\nx（，）,1\r\n")
        // A double-quoted name that is no column is an error, not a string.
        let dqs = try BinaryRunner.run(["-c", "sql SELECT \"no_such_column\" FROM report"])
        #expect(dqs.status == 1)
        #expect(dqs.stderr.contains("no such column: no_such_column"))
    }

    @Test func doubledQuotesInAString() throws {
        let result = try BinaryRunner.run(["-c", "explain reports where township = '羊''亭镇'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("?1 = '羊''亭镇'"))
    }

    @Test func orderingAPivot() throws {
        let wrong = try BinaryRunner.run(["-c", "requests by township pivot year order by requests"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("cannot order by “requests”: it is not a column of this pivot"))
        let delta = try BinaryRunner.run(["-c", "requests by township pivot year order by \"Δ2022→2023\"", "--format", "csv"])
        #expect(delta.status == 0, "\(delta.stderr)")
        let header = delta.stdout.split(separator: "\r\n").first?.split(separator: ",") ?? []
        let column = try #require(header.firstIndex(of: "Δ2022→2023"))
        let values = delta.stdout.split(separator: "\r\n").dropFirst().compactMap { Int($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
        #expect(values == values.sorted())
    }

    /// `run --format json` is JSON Lines: one object per statement, each parses.
    @Test func jsonRunIsJSONLines() throws {
        let (folder, path) = try Self.file("two.gkq", "-- name: levels\nreports by level\n-- name: years\nreports by year\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("all.json").path
        let result = try BinaryRunner.run(["run", path, "--format", "json", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["statement"] as? String } == ["levels", "years"])
        #expect(objects[0]["columns"] as? [String] == ["level", "reports"])
        #expect((objects[1]["rows"] as? [[String: Any]])?.count == 3)
    }

    /// Two statements of the same name written to a folder: both files kept, a note says so.
    @Test func sameNamesInAFolderDoNotOverwrite() throws {
        let (folder, path) = try Self.file("same.gkq", "-- name: counts\nreports by level\n-- name: counts\nreports by year\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path + "/"
        let result = try BinaryRunner.run(["run", path, "--format", "csv", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: another statement is named “counts”; this one is written to counts-2.csv"))
        #expect(try String(contentsOfFile: out + "counts.csv", encoding: .utf8).hasPrefix("level,reports"))
        #expect(try String(contentsOfFile: out + "counts-2.csv", encoding: .utf8).hasPrefix("year,reports"))
    }

    /// NULL is an empty cell in the table, as in a spreadsheet; `.nullvalue` chooses otherwise.
    @Test func nullShowsEmpty() throws {
        let plain = try BinaryRunner.run(["-c", "sql SELECT NULL AS a, 1 AS b"])
        #expect(plain.stdout == "a  b\n─  ─\n   1\n(1 row)\n")
        let chosen = try BinaryRunner.run([], stdin: ".nullvalue NULL\nsql SELECT NULL AS a, 1 AS b\n")
        #expect(chosen.stdout.contains("NULL  1"))
    }

    /// `.sql on` echoes what runs, once: a pivot's base is aggregated once.
    @Test func echoedSQLIsWhatRuns() throws {
        let result = try BinaryRunner.run([], stdin: ".sql on\nrequests by county pivot year\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "CREATE TEMP TABLE").count == 2)
        #expect(result.stderr.contains("FILTER (WHERE \"year\" IS ?"))
    }

    /// Piped input: errors count lines through meta-command lines, and thousands of them stay fast.
    @Test func pipedLinesKeepTheirNumbers() throws {
        let input = ".mode csv\nreports by level\n.mode table\n\nrequests by townshp\n"
            + String(repeating: ".mode csv\n", count: 20_000) + "reports by year\n"
        let result = try BinaryRunner.run([], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:5:13: error: unknown dimension “townshp”"))
        #expect(result.stdout.hasSuffix("year,reports\r\n2021,7\r\n2022,6\r\n2023,6\r\n"))
    }
}

/// A saved query file from someone else cannot harm files: its raw SQL may only read unless the user
/// runs it with --allow-writes; gongkai's own statements (check, pivots) still work.
struct ReadOnlyQueryFileTests {
    @Test func aQueryFileMayOnlyRead() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let attached = folder.appendingPathComponent("attached.db").path
        let copy = folder.appendingPathComponent("copy.db").path
        let db = folder.appendingPathComponent("t.db").path
        let file = folder.appendingPathComponent("evil.gkq").path
        try Data("""
            sql SELECT count(*) AS n FROM report;
            sql ATTACH '\(attached)' AS x;
            sql DELETE FROM report;
            sql PRAGMA writable_schema = 1;
            sql VACUUM INTO '\(copy)';
            sql PRAGMA table_info(report);
            requests by county pivot year
            check row_total
            """.utf8).write(to: URL(fileURLWithPath: file))
        let result = try BinaryRunner.run(["run", file, "--quiet", "--db", db, "--data", BinaryRunner.packageRoot.appendingPathComponent("samples").path])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "a saved query file may only read").count - 1 == 4, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: attached))
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(result.stdout.contains("checked 19 report(s)"))
        #expect(result.stdout.contains("Δ2021→2022"))
        let count = try BinaryRunner.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM report", "--format", "csv"])
        #expect(count.stdout == "n\r\n19\r\n")
        // With --allow-writes, the user's own file does what it says.
        let trusted = try BinaryRunner.run(["run", file, "--quiet", "--db", db, "--allow-writes"])
        #expect(FileManager.default.fileExists(atPath: copy), "\(trusted.stderr)")
    }

    /// Control characters from a report's text or a file name are shown escaped, never sent raw.
    @Test func controlCharactersAreEscaped() throws {
        let result = try BinaryRunner.run(["-c", "sql SELECT 'a' || char(27) || ']52;c;aGk=' || char(7) || 'b' AS x"])
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("a\\x1B]52;c;aGk=\\x07b"))
    }

    /// `.save` onto the database the session has open would break every later write: refused.
    @Test func saveOntoTheOpenDatabaseIsRefused() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("s.db").path
        _ = try BinaryRunner.run(["--db", db, "-c", "reports"])
        let result = try BinaryRunner.run(["--db", db], stdin: ".save \(db)\nsql CREATE TABLE later(x)\n")
        #expect(result.stderr.contains("it is the database this session has open"))
        #expect(!result.stderr.contains("readonly"), "\(result.stderr)")
    }
}

/// Output that could not be written is an error; a result too large to hold is cut, with a note.
struct OutputFailureTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDiskUnderStdoutFails() throws {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["-c", "reports by township"]
        process.currentDirectoryURL = BinaryRunner.packageRoot
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot write to standard output: No space left on device"))
    }

    /// The aligned table measures every row: an endless query is cut there, with a note.
    @Test func anEndlessQueryIsCut() throws {
        let result = try BinaryRunner.run(["-c", "sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"])
        #expect(result.stderr.contains("the result was cut at 2000000 rows"))
        #expect(result.stdout.hasSuffix("1999999\n2000000\n(2000000 rows)\n"))
    }

    /// CSV and JSON are written as SQLite produces the rows: more than the table's limit comes out whole,
    /// in chunks, without holding them.
    @Test func csvAndJSONStream() throws {
        let csv = try BinaryRunner.run(["-c", "sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2100000) SELECT x FROM c", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(!csv.stderr.contains("cut"))
        #expect(csv.stdout.hasPrefix("x\r\n1\r\n2\r\n"))
        #expect(csv.stdout.hasSuffix("\r\n2100000\r\n"))
        let json = try BinaryRunner.run(["-c", "requests by county where year = 2021", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        let empty = try BinaryRunner.run(["-c", "requests by county where year = 1999", "--format", "json"])
        #expect(empty.stdout == "[]\n")
    }

    /// `--out` to a pipe (`/dev/stdout` when stdout is a pipe) is written, not refused with "Illegal seek".
    @Test func outToAPipe() throws {
        let (folder, path) = try PipelineTests.file("a.gkq", "-- name: a\nreports\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["run", path, "--out", "/dev/stdout"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-- a\nreports"))
    }
}

/// A result that cannot be written is that statement's error, said as one.
struct SinkFailureTests {
    @Test func anUnwritableResultFileIsAnError() throws {
        let (folder, path) = try PipelineTests.file("w.gkq", "-- name: levels\nreports by level\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        // A folder where the result file would go.
        try FileManager.default.createDirectory(atPath: out + "/levels.csv", withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["run", path, "--format", "csv", "--out", out + "/"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: cannot write \(out)/levels.csv: Is a directory\n"), "\(result.stderr)")
    }
}

/// FIFOs: as --db refused, as --out with nothing reading an error (not a wait for ever), and with a
/// reader one stream of every result.
struct FIFOTests {
    @Test func fifosNeverBlock() throws {
        let (folder, path) = try PipelineTests.file("f.gkq", "-- name: a\nreports\n-- name: b\nreports by level\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let db = try BinaryRunner.run(["--db", fifo, "-c", "reports"])
        #expect(db.status == 1)
        #expect(db.stderr.contains("is not a regular file"))
        let unread = try BinaryRunner.run(["run", path, "--out", fifo])
        #expect(unread.status == 1)
        #expect(unread.stderr.contains("it is a FIFO that no process reads"))
        let once = try BinaryRunner.run([], stdin: ".once \(fifo)\nreports\n")
        #expect(once.stderr.contains("it is a FIFO that no process reads"))
        // With a reader: both results, in one stream.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let output = Pipe()
        reader.standardOutput = output
        try reader.run()
        usleep(200_000)
        let read = try BinaryRunner.run(["run", path, "--out", fifo])
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(read.status == 0, "\(read.stderr)")
        #expect(text.contains("-- a\n") && text.contains("-- b\n"))
    }
}

/// A pivot by a text dimension has no change columns; by years it has.
struct PivotChangeColumnTests {
    @Test func changeColumnsOnlyBetweenOrderedValues() throws {
        let channels = try BinaryRunner.run(["-c", "active by township pivot channel", "--format", "csv"])
        #expect(channels.status == 0, "\(channels.stderr)")
        #expect(!channels.stdout.contains("Δ") && !channels.stdout.contains("%"))
        let years = try BinaryRunner.run(["-c", "requests by township pivot year", "--format", "csv"])
        #expect(years.stdout.hasPrefix("township,2021,2022,2023,Δ2021→2022,%2021→2022,Δ2022→2023,%2022→2023\r\n"))
    }
}

/// A ratio shows as a percentage in the table and Markdown, the number itself in CSV and JSON.
struct PercentDisplayTests {
    @Test func ratiosAsPercentages() throws {
        let statement = "requests, granted / requests as 公开率 by township where year = 2021 and county = 西山县"
        let table = try BinaryRunner.run(["-c", statement])
        #expect(table.stdout.contains("松林乡           6   83.3%"))
        let markdown = try BinaryRunner.run(["-c", statement, "--format", "markdown"])
        #expect(markdown.stdout.contains("| 松林乡 | 6 | 83.3% |"))
        let csv = try BinaryRunner.run(["-c", statement, "--format", "csv"])
        #expect(csv.stdout.contains("松林乡,6,0.8333"))
    }
}
