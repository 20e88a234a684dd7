import Foundation
import Testing
@testable import GongkaiKit

/// Loading reports into the store: every value back out of SQL, broken files, duplicates, --db files.
struct LoaderTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `insert` returns the report's id, not the id of the last child row it inserted.
    @Test func insertReturnsTheReportsID() throws {
        let session = try Session.open(path: nil)
        let file = FileManager.default.currentDirectoryPath + "/samples/威海市环翠区羊亭镇-2021.txt"
        let report = try ReportReader().read(file: file)
        #expect(!report.requests.isEmpty)
        let loader = try Loader(database: session.database)
        let first = try loader.insert(report, hash: "a")
        var second = report
        second.file = "copy"
        let id = try loader.insert(second, hash: "b")
        #expect(first == 1)
        #expect(id == 2)
        #expect(try session.database.scalar("SELECT file FROM report WHERE id = ?1", [.integer(id)]) == .text("copy"))
    }

    @Test(.enabled(if: SharedFiles.available, "needs ../shared/seed"))
    func seedRoundTripsThroughSQL() throws {
        let path = try #require(SharedFiles.seedPath)
        let report = try ReportReader().read(file: path)
        let session = try Session.open(path: nil)
        let summary = try session.load(files: [path])
        #expect(summary.loaded == [path])
        let db = session.database
        let meta = try #require(try db.query("SELECT title, agency, body, city, county, township, level, year, template, active_total, encoding FROM report").rows.first)
        #expect(meta == [.text("威海市环翠区羊亭镇2021年政府信息公开工作年度报告"), .text("威海市环翠区羊亭镇"), .text("威海市环翠区羊亭镇"),
                         .text("威海市"), .text("环翠区"), .text("羊亭镇"), .text("township"), .integer(2021), .text("2019"), .integer(910), .text("UTF-8")])
        let channels = try db.query("SELECT channel, account, items, approximate FROM active_channel ORDER BY rowid").rows
        #expect(channels == [[.text("政府网站"), .null, .integer(92), .integer(0)], [.text("微信公众号"), .text("羊亭在线"), .integer(566), .integer(0)],
                             [.text("微博"), .text("活力羊亭"), .integer(188), .integer(0)], [.text("抖音"), .text("大美羊亭"), .integer(64), .integer(0)]])
        #expect(try db.scalar("SELECT value FROM narrative_number WHERE kind = 'requests_received'") == .integer(3))
        #expect(try db.scalar("SELECT count(*) FROM article20") == .integer(Int64(report.article20.count)))
        for cell in report.article20 {
            let value = try db.scalar("SELECT value FROM article20 WHERE item = ?1 AND content = ?2 AND measure = ?3",
                                      [.text(cell.item), .text(cell.content), .text(cell.measure)])
            #expect(value == .number(cell.value.number))
        }
        for cell in report.requests {
            let value = try db.scalar("SELECT count FROM request WHERE stage = ?1 AND outcome IS ?2 AND reason IS ?3 AND applicant = ?4",
                                      [.text(cell.stage.rawValue), .optional(cell.outcome), .optional(cell.reason), .text(cell.applicant)])
            #expect(value == .number(cell.value.number), "\(cell)")
        }
        #expect(try db.scalar("SELECT count(*) FROM request") == .integer(Int64(report.requests.count)))
        #expect(try db.scalar("SELECT count(*) FROM review_litigation WHERE count = 0") == .integer(15))
        #expect(try db.scalar("SELECT group_concat(section) FROM narrative") == .text("1,2,3,4,5,6"))
        #expect(try db.scalar("SELECT count(*) FROM finding") == .integer(0))
    }

    @Test func parseWarningsBecomeFindingsAndNonNumbersKeepTheirText() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.txt")
        try Data("某镇2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n| 第二十条第(五)项 |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | / |\n".utf8).write(to: file)
        let session = try Session.open(path: nil)
        _ = try session.load(files: [file.path])
        let row = try #require(try session.database.query("SELECT value, raw FROM article20 WHERE content = '行政许可'").rows.first)
        #expect(row == [.null, .text("/")])
        let finding = try #require(try session.database.query("SELECT rule, severity, location FROM finding WHERE rule = 'parse:not_a_number'").rows.first)
        #expect(finding == [.text("parse:not_a_number"), .text("warning"), .text("二 / 第二十条第（五）项 / 行政许可 / 本年处理决定数量")])
    }

    @Test func aBrokenFileIsReportedAndTheRestLoad() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = SampleSet.files()[0]
        try Data(good.bytes).write(to: folder.appendingPathComponent("good.txt"))
        try Data("%PDF-1.5".utf8).write(to: folder.appendingPathComponent("bad.txt"))
        let session = try Session.open(path: nil)
        let summary = try session.load(files: FileBytes.files(under: folder.path))
        #expect(summary.loaded.count == 1)
        #expect(summary.failures.map(\.description) == ["\(folder.path)/bad.txt: a damaged or truncated PDF (pdftotext: Syntax Error: Couldn't read xref table)"])
        #expect(try session.database.scalar("SELECT count(*) FROM report") == .integer(1))
    }

    @Test func theSameContentTwiceIsLoadedOnce() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = SampleSet.files()[1].bytes
        try Data(bytes).write(to: folder.appendingPathComponent("a.txt"))
        try Data(bytes).write(to: folder.appendingPathComponent("b.txt"))
        let session = try Session.open(path: nil)
        let first = try session.load(files: [folder.appendingPathComponent("a.txt").path, folder.appendingPathComponent("b.txt").path])
        #expect(first.loaded.count == 1)
        #expect(first.duplicates.map(\.file) == [folder.appendingPathComponent("b.txt").path])
        let again = try session.load(files: [folder.appendingPathComponent("a.txt").path])
        #expect(again.loaded.isEmpty)
        #expect(again.duplicates.first?.sameAs == folder.appendingPathComponent("a.txt").path)
        #expect(try session.database.scalar("SELECT count(*) FROM report") == .integer(1))
    }

    /// The load switches foreign-key checks off for its own inserts; after it they are on again, and a
    /// report deleted by hand takes its rows with it.
    @Test func foreignKeysAreOnAfterALoad() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, file) in SampleSet.files().prefix(2).enumerated() {
            try Data(file.bytes).write(to: folder.appendingPathComponent("\(index).txt"))
        }
        let session = try Session.open(path: nil)
        _ = try session.load(files: FileBytes.files(under: folder.path))
        #expect(try session.database.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(try session.database.scalar("SELECT count(DISTINCT report_id) FROM request") == .integer(2))
        try session.database.execute("DELETE FROM report WHERE id = 1")
        #expect(try session.database.scalar("SELECT count(DISTINCT report_id) FROM request") == .integer(1))
        #expect(throws: DatabaseError.self) {
            try session.database.execute("INSERT INTO request (report_id, stage, applicant) VALUES (99, '本年新收', '自然人')")
        }
    }

    @Test func aDatabaseFileIsReopenedAndAddedTo() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dbPath = folder.appendingPathComponent("reports.db").path
        let files = SampleSet.files().prefix(3)
        for (index, file) in files.enumerated() { try Data(file.bytes).write(to: folder.appendingPathComponent("\(index).txt")) }
        do {
            let session = try Session.open(path: dbPath)
            _ = try session.load(files: [folder.appendingPathComponent("0.txt").path, folder.appendingPathComponent("1.txt").path])
        }
        do {
            let session = try Session.open(path: dbPath)
            #expect(try session.database.scalar("SELECT count(*) FROM report") == .integer(2))
            _ = try session.load(files: [folder.appendingPathComponent("2.txt").path])
        }
        let session = try Session.open(path: dbPath)
        #expect(try session.database.scalar("SELECT count(*) FROM report") == .integer(3))
        #expect(try session.database.scalar("PRAGMA application_id") == .integer(Schema.applicationID))
    }

    @Test func aForeignFileIsRefusedAndLeftUntouched() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.txt")
        try Data("not a database at all, just notes\n".utf8).write(to: text)
        let before = try Data(contentsOf: text)
        #expect { try Session.open(path: text.path) } throws: { "\($0)".contains("not a SQLite database; refusing to touch it") }
        #expect(try Data(contentsOf: text) == before)

        let other = folder.appendingPathComponent("other.db").path
        do {
            let database = try Database(path: other)
            try database.execute("CREATE TABLE accounts (id INTEGER)")
        }
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect { try Session.open(path: other) } throws: { "\($0)".contains("a SQLite database of another program") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)
    }

    /// A page and a Word file of one report differ in every byte but are one report: the second is
    /// skipped, in the same load and in a later load into the same database.
    @Test(.enabled(if: SharedFiles.seedPath != nil)) func theSameReportInAnotherFormIsLoadedOnce() throws {
        let page = SharedFiles.fixture("forms/seed-site.html"), word = SharedFiles.fixture("forms/seed.docx")
        let session = try Session.open(path: nil)
        let both = try session.load(files: [page, word])
        #expect(both.loaded == [page])
        #expect(both.sameReport.map(\.file) == [word])
        #expect(both.notes == ["\(word) is the same report as \(page) (same title, body, year and numbers, in another form); skipped"])
        let later = try session.load(files: [SharedFiles.fixture("forms/seed-libreoffice.docx")])
        #expect(later.loaded.isEmpty && later.sameReport.first?.sameAs == page)
        #expect(try session.database.scalar("SELECT count(*) FROM report") == .integer(1))
    }

    /// A database written by the first schema (no values_hash) is brought up to date when opened.
    @Test func aVersionOneDatabaseIsMigrated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-v1-\(UUID().uuidString).db").path
        defer { unlink(path) }
        do {
            let session = try Session.open(path: path)
            _ = try session.load(files: [SharedFiles.sample("示范市北岭县云岗镇-2021-合成样例.txt")])
            try Self.asVersionFour(session.database)
            try session.database.execute("DROP INDEX report_values; ALTER TABLE report DROP COLUMN values_hash; PRAGMA user_version = 1;")
        }
        let session = try Session.open(path: path)
        #expect(try session.database.scalar("PRAGMA user_version") == .integer(Schema.version))
        #expect(try session.database.scalar("SELECT count(*) FROM report WHERE values_hash IS NULL") == .integer(1))
        let again = try session.load(files: [SharedFiles.sample("示范市北岭县云岗镇-2022-合成样例.txt")])
        #expect(again.loaded.count == 1)
    }

    /// Section 三 as schema version 4 stored it: a table of one row per cell, in the loader's order, with
    /// its two indexes (what a database written before version 5 holds).
    static func asVersionFour(_ database: Database) throws {
        try database.execute("""
            CREATE TABLE request_long AS SELECT report_id, stage, outcome, reason, applicant, count, raw FROM (\(RequestRows.cells(from: "request_row", extra: { ["\(RequestRows.position($0)) AS position"] }))) ORDER BY report_id, position;
            DROP VIEW request; DROP TABLE request_row; DROP TABLE report_total;
            CREATE TABLE request (
                report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                stage TEXT NOT NULL CHECK (stage = '本年新收' OR stage = '上年结转' OR stage = '办理结果' OR stage = '结转下年度'),
                outcome TEXT, reason TEXT, applicant TEXT NOT NULL, count NUMERIC, raw TEXT);
            INSERT INTO request SELECT * FROM request_long; DROP TABLE request_long;
            CREATE INDEX request_report ON request(report_id);
            CREATE INDEX request_total ON request(report_id, stage, outcome, reason, count) WHERE applicant = '总计';
            PRAGMA user_version = 4;
            """)
    }

    /// A version-4 database (section 三 a cell per row) is brought to version 5: the same cells, a table
    /// row per row, `request` a view that gives them back, and findings and questions as before.
    @Test func aVersionFourDatabaseIsMigrated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-v4-\(UUID().uuidString).db").path
        defer { unlink(path) }
        let cells = "SELECT report_id, stage, outcome, reason, applicant, count, raw FROM request ORDER BY 1, 2, 3, 4, 5"
        let before: [[DatabaseValue]]
        let answers: String
        do {
            let session = try Session.open(path: path)
            _ = try session.load(files: try ReportPaths.expand([SharedFiles.packageRoot.appendingPathComponent("samples").path]).files)
            before = try session.database.query(cells).rows
            answers = session.render(try session.execute("check")) + session.render(try session.execute("requests, handled by applicant, year")) + session.render(try session.execute("requests, reviews, penalties by county, year"))
            try Self.asVersionFour(session.database)
            #expect(try session.database.scalar("SELECT count(*) FROM request") == .integer(Int64(before.count)))
        }
        let session = try Session.open(path: path)
        #expect(try session.database.scalar("PRAGMA user_version") == .integer(Schema.version))
        #expect(try session.database.query(cells).rows == before)
        #expect(try session.database.scalar("SELECT type FROM sqlite_schema WHERE name = 'request'") == .text("view"))
        #expect(try session.database.scalar("SELECT count(*) FROM request_row") == .integer(Int64(before.count / 7)))
        #expect(session.render(try session.execute("check")) + session.render(try session.execute("requests, handled by applicant, year")) + session.render(try session.execute("requests, reviews, penalties by county, year")) == answers)
    }

    /// A version-3 database (before text_reuse and the 总计 index) is brought up to date when opened, and its
    /// reuse is measured on first use.
    @Test func aVersionThreeDatabaseIsMigrated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-v3-\(UUID().uuidString).db").path
        defer { unlink(path) }
        do {
            let session = try Session.open(path: path)
            _ = try session.load(files: [SharedFiles.sample("示范市北岭县云岗镇-2021-合成样例.txt"), SharedFiles.sample("示范市北岭县云岗镇-2022-合成样例.txt")])
            try Self.asVersionFour(session.database)
            try session.database.execute("DROP TABLE text_reuse; DROP INDEX request_total; DELETE FROM gongkai_state; PRAGMA user_version = 3;")
        }
        let session = try Session.open(path: path)
        #expect(try session.database.scalar("PRAGMA user_version") == .integer(Schema.version))
        #expect(try session.database.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('text_reuse', 'request_row', 'request')") == .integer(3))
        guard case .rows(let result) = try session.execute("text_reuse by year") else { Issue.record("no rows"); return }
        #expect(result.rows.last?.last?.double.map { $0 > 0.9 } == true)
    }
}

/// What is no annual report is refused, named, and nothing of it is inserted.
struct JunkTests {
    /// Files of other kinds in a folder (a photo, a spreadsheet) are passed over and named; a README is not
    /// a report and goes unmentioned.
    @Test func filesOfOtherKindsInAFolderAreNamed() throws {
        let folder = try LoaderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["photo.jpg", "表.xlsx", "README.md", "a.txt"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let expansion = try ReportPaths.expand([folder.path])
        #expect(expansion.files.map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["a.txt"])
        #expect(expansion.notes.count == 1)
        #expect(expansion.notes.first?.hasPrefix("2 file(s) in \(folder.path) not of a kind reports come in") == true)
        #expect(expansion.notes.first?.contains("photo.jpg") == true && expansion.notes.first?.contains("表.xlsx") == true)
    }

    @Test func aMeetingNoticeAndBinaryJunkAreRefused() throws {
        let folder = try LoaderTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notice = folder.appendingPathComponent("通知-2021.txt").path
        try Data("会议通知：明天开会\n请各单位准时参加。\n".utf8).write(to: URL(fileURLWithPath: notice))
        let nuls = folder.appendingPathComponent("zeros.txt").path
        try Data(repeating: 0, count: 3000).write(to: URL(fileURLWithPath: nuls))
        let controls = folder.appendingPathComponent("controls.txt").path
        try Data(Array(repeating: [0x01, 0x02, 0x1B, 0x41], count: 300).flatMap { $0 }).write(to: URL(fileURLWithPath: controls))
        let session = try Session.open(path: nil)
        let summary = try session.load(files: [notice, nuls, controls, FileManager.default.currentDirectoryPath + "/samples/威海市环翠区羊亭镇-2021.txt"])
        #expect(summary.loaded.count == 1)
        #expect(summary.failures.count == 3)
        #expect(summary.failures.map(\.description).contains { $0.contains("not an annual report") && $0.contains("会议通知：明天开会") })
        #expect(summary.failures.map(\.description).filter { $0.contains("binary data") }.count == 2)
        #expect(try session.database.scalar("SELECT count(*) FROM report WHERE year IS NULL OR agency IS NULL") == .integer(0))
    }
}
