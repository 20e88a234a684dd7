import Foundation
import Testing
@testable import GongkaiKit

/// Meta-commands, output routing, statement completeness and Tab completion, without a terminal.
struct ShellTests {
    final class Capture {
        var out = ""
        var err = ""
    }

    static func shell() throws -> (Shell, Capture) {
        let capture = Capture()
        let shell = Shell(session: try QueryLanguageTests.session(), out: { capture.out += $0 }, err: { capture.err += $0 })
        return (shell, capture)
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gk-shell-\(UUID().uuidString)-\(name)").path
    }

    @Test func statementsEndWithASemicolon() throws {
        let (shell, _) = try Self.shell()
        #expect(!shell.isComplete("active by channel"))
        #expect(shell.isComplete("active by channel;"))
        #expect(shell.isComplete("requests\n  by county;"))
        // A string cannot span lines in the query language: the statement is run (and its error shown)
        // rather than the REPL waiting for a line that cannot help.
        #expect(shell.isComplete("requests where township = 'a;"))
        // In raw SQL a string can span lines: the `;` inside it does not end the statement.
        #expect(!shell.isComplete("sql SELECT 'a;"))
        #expect(shell.isComplete("sql SELECT 'a;\nb';"))
        // A full-width ； (what a Chinese input method types) ends a statement, raw SQL too.
        #expect(shell.isComplete("申请 按 乡镇；"))
        #expect(shell.isComplete("sql SELECT 1；"))
        // A statement with an error still ends at its ; — the next one starts afresh.
        #expect(shell.isComplete("申请 按 乡镇 where 区县 like 西山%;"))
        // A trigger body's ;s do not end the statement; its END; does.
        #expect(!shell.isComplete("sql CREATE TRIGGER t AFTER INSERT ON report BEGIN SELECT 1;"))
        #expect(shell.isComplete("sql CREATE TRIGGER t AFTER INSERT ON report BEGIN SELECT 1; END;"))
        #expect(shell.isComplete(".mode csv"))
    }

    @Test func modeOnceAndOutput() throws {
        let (shell, capture) = try Self.shell()
        #expect(shell.meta(".mode csv"))
        shell.run("reports;")
        #expect(capture.out == "reports\r\n19\r\n")
        let once = Self.temporary("once.csv")
        defer { unlink(once) }
        shell.meta(".once \(once)")
        shell.run("reports by template;")
        shell.run("reports;")
        #expect(try String(contentsOfFile: once, encoding: .utf8) == "template,reports\r\n2019,3\r\n2021,16\r\n")
        #expect(capture.out == "reports\r\n19\r\n" + "reports\r\n19\r\n")
        let all = Self.temporary("all.csv")
        defer { unlink(all) }
        shell.meta(".output \(all)")
        shell.run("reports;")
        shell.run("reports;")
        shell.meta(".output")
        #expect(try String(contentsOfFile: all, encoding: .utf8) == "reports\r\n19\r\nreports\r\n19\r\n")
        #expect(!shell.meta(".mode pie"))
        #expect(capture.err.contains("usage: .mode table|csv|json|markdown|bar"))
        // .format, as the command line's --format, is .mode.
        #expect(shell.meta(".format json"))
        #expect(shell.session.format == .json)
    }

    @Test func saveWritesADatabaseAtomicallyThatOpensAgain() throws {
        let (shell, capture) = try Self.shell()
        let path = Self.temporary("saved.db")
        defer { unlink(path) }
        #expect(shell.meta(".save \(path)"))
        #expect(capture.out.contains("saved to \(path)"))
        #expect(!FileBytes.exists(path + ".tmp-\(getpid())"))
        let reopened = try Session.open(path: path)
        #expect(try reopened.database.scalar("SELECT count(*) FROM report") == .integer(19))
        #expect(!shell.meta(".save /nonexistent/folder/x.db"))
        #expect(capture.err.contains("cannot save to /nonexistent/folder/x.db"))
        // Through a symlink: the link stays, its file gets the database.
        let target = Self.temporary("target.db"), link = Self.temporary("link.db")
        defer { unlink(target); unlink(link) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(shell.meta(".save \(link)"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try Session.open(path: target).database.scalar("SELECT count(*) FROM report") == .integer(19))
        // Not over a FIFO (nor a device): the rename would replace it with a file.
        let fifo = Self.temporary("fifo")
        defer { unlink(fifo) }
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(!shell.meta(".save \(fifo)"))
        #expect(capture.err.contains("cannot save to \(fifo): not a regular file"))
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func readLoadSchemaAndUnknownCommands() throws {
        let (shell, capture) = try Self.shell()
        let script = Self.temporary("q.gkq")
        defer { unlink(script) }
        try Data("reports;\nrequests by nothing;\n".utf8).write(to: URL(fileURLWithPath: script))
        #expect(!shell.meta(".read \(script)"))
        #expect(capture.out.contains("     19\n"))
        #expect(capture.err.contains("\(script):2:13: error: unknown dimension “nothing”"))
        #expect(shell.meta(".schema request"))
        #expect(capture.out.contains("CREATE VIEW request (report_id, stage, outcome, reason, applicant, count, raw) AS"))
        #expect(shell.meta(".schema request_row"))
        #expect(capture.out.contains("CREATE TABLE request_row ("))
        #expect(!shell.meta(".schema nothing"))
        #expect(!shell.meta(".lod samples"))
        #expect(capture.err.contains("unknown command .lod. did you mean “.load”?"))
        #expect(!shell.meta(".tables"))
        #expect(capture.err.contains("unknown command .tables. did you mean “.schema”?"))
        #expect(!shell.meta(".load /nonexistent"))
        #expect(capture.err.contains("no such file or folder: /nonexistent"))
        shell.meta(".quit")
        #expect(shell.quitRequested)
    }

    @Test func tabCompletionByContext() throws {
        let (shell, _) = try Self.shell()
        let completer = Completer(session: shell.session)
        #expect(completer.complete("主动", cursor: 2) == .init(insert: "公开 ", candidates: []))
        #expect(completer.complete("activ", cursor: 5).insert == "e ")
        #expect(completer.complete("active by chan", cursor: 14).insert == "nel ")
        #expect(completer.complete("requests where township = 羊", cursor: 27).insert == "亭镇 ")
        #expect(completer.complete("requests where year = ", cursor: 22).insert == "202")
        #expect(completer.complete("requests where year = 202", cursor: 25).candidates == ["2021", "2022", "2023"])
        #expect(completer.complete("active where channel in (微信公众号, 微", cursor: 33).candidates == ["微信公众号", "微信视频号", "微博"])
        #expect(completer.complete("active where channel in (微信公众号, 抖", cursor: 33).insert == "音 ")
        #expect(completer.complete(".mo", cursor: 3).insert == "de ")
        #expect(completer.complete(".mode c", cursor: 7).insert == "sv ")
        #expect(completer.complete("show r", cursor: 6).candidates == ["reports", "rules"])
        #expect(completer.complete("check row", cursor: 9).insert == "_total ")
        let folder = SharedFiles.packageRoot.path
        #expect(completer.complete(".load \(folder)/sam", cursor: 6 + folder.count + 4).insert == "ples/")
    }
}
