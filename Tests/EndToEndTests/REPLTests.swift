import Foundation
import Testing

/// The REPL driven through tmux as a person would: Chinese typing, Tab, the up arrow, Ctrl-C, a
/// statement over several lines, mode switches, mistakes, Ctrl-D.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux (scripts/setup installs it)"))
struct REPLTests {
    final class Terminal {
        let name = "gk\(UInt32.random(in: 0..<UInt32.max))"
        let history: String
        /// A history file the terminal made for itself goes with it; one passed in is the caller's.
        private let ownsHistory: Bool

        init(history: String? = nil) throws {
            self.history = history ?? FileManager.default.temporaryDirectory.appendingPathComponent("gk-history-\(UUID().uuidString)").path
            ownsHistory = history == nil
            let command = "cd '\(BinaryRunner.packageRoot.path)' && LANG=C.UTF-8 GONGKAI_HISTORY='\(self.history)' '\(BinaryRunner.binary.path)'"
            try Self.tmux(["new-session", "-d", "-s", name, "-x", "150", "-y", "50", command])
            _ = try waitFor("gongkai>")
        }

        deinit {
            _ = try? Self.tmux(["kill-session", "-t", name])
            if ownsHistory { try? FileManager.default.removeItem(atPath: history) }
        }

        @discardableResult
        static func tmux(_ arguments: [String]) throws -> String { try Tmux.run(arguments) }

        func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }
        /// Types text literally. tmux takes an argument ending in `;` for a command separator: escape it.
        func type(_ text: String) throws {
            let escaped = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
            try Self.tmux(["send-keys", "-t", name, "-l", escaped])
        }
        func screen() throws -> String { try Self.tmux(["capture-pane", "-t", name, "-p"]) }

        /// Polls the screen until it contains `text` (10 s at most); the screen then. capture-pane drops
        /// trailing spaces, so `text` should not end with one.
        func waitFor(_ text: String, count: Int = 1) throws -> String {
            var last = ""
            for _ in 0..<200 {
                last = try screen()
                if last.components(separatedBy: text).count - 1 >= count { return last }
                usleep(50_000)
            }
            Issue.record("the screen never showed “\(text)”:\n\(last)")
            return last
        }
    }

    @Test func chineseQueryAndTabCompletion() throws {
        let terminal = try Terminal()
        try terminal.type("主动")
        try terminal.send("Tab")
        try terminal.type("按 渠道 where 乡镇 = 羊")
        try terminal.send("Tab")
        _ = try terminal.waitFor("主动公开 按 渠道 where 乡镇 = 羊亭镇")
        try terminal.type(";")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("(4 rows)")
        #expect(screen.contains("微信公众号       566"))
        #expect(screen.contains("gongkai> 主动公开 按 渠道 where 乡镇 = 羊亭镇 ;"))
    }

    @Test func severalCandidatesAreListed() throws {
        let terminal = try Terminal()
        try terminal.type("requests by township where township = ")
        try terminal.send("Tab")
        let screen = try terminal.waitFor("青石街道")
        #expect(screen.contains("云岗镇"))
        #expect(screen.contains("羊亭镇"))
    }

    @Test func multiLineStatementWithContinuationPrompt() throws {
        let terminal = try Terminal()
        try terminal.type("requests, granted")
        try terminal.send("Enter")
        _ = try terminal.waitFor("   ...>")
        try terminal.type("  by county")
        try terminal.send("Enter")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("(4 rows)")
        #expect(screen.contains("county  requests  granted"))
    }

    @Test func ctrlCDiscardsTheLineAndUpRecallsHistory() throws {
        let terminal = try Terminal()
        try terminal.type("reports by level;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("(2 rows)")
        try terminal.type("this is thrown away")
        try terminal.send("C-c")
        _ = try terminal.waitFor("^C")
        try terminal.send("Up")
        let screen = try terminal.waitFor("gongkai> reports by level;", count: 2)
        #expect(!screen.contains("error"))
        try terminal.send("Enter")
        _ = try terminal.waitFor("(2 rows)", count: 2)
        let history = try String(contentsOfFile: terminal.history, encoding: .utf8)
        #expect(history.contains("reports by level;") || history.contains("reports\\040by\\040level;"))
    }

    @Test func mistakesDoNotEndTheSessionAndModesSwitch() throws {
        let terminal = try Terminal()
        try terminal.type("activ by chanel;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("did you mean “active”?")
        try terminal.type(".mode csv")
        try terminal.send("Enter")
        try terminal.type("reports by template;")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("2021,16")
        #expect(screen.contains("template,reports"))
        try terminal.type(".mod bar")
        try terminal.send("Enter")
        _ = try terminal.waitFor("unknown command .mod. did you mean “.mode”?")
        try terminal.send("C-d")
        for _ in 0..<50 where (try? terminal.screen())?.contains("gongkai>") == true && Self.sessionAlive(terminal.name) { usleep(50_000) }
        #expect(!Self.sessionAlive(terminal.name), "Ctrl-D on an empty line leaves")
    }

    /// On the terminal, findings wider than it are shown one per block (and a wide cell of a query is cut):
    /// the REPL knows it writes to a terminal.
    @Test func wideFindingsAreShownOnePerBlock() throws {
        let terminal = try Terminal()
        try terminal.type("check row_total;")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("checked 19 report(s)")
        #expect(screen.contains("    rule = row_total"))
        #expect(screen.contains(" message = 总计 11 ≠ 自然人 5"))
    }

    @Test func ctrlCInterruptsARunningQuery() throws {
        let terminal = try Terminal()
        try terminal.type("sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;")
        try terminal.send("Enter")
        usleep(500_000)
        try terminal.send("C-c")
        _ = try terminal.waitFor("error: SQLite: interrupted")
        try terminal.type("reports;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("(1 row)")
    }

    /// Ctrl-C on an empty line, at the first prompt or the continuation prompt, discards — it never ends
    /// the session (and with it what was loaded).
    @Test func ctrlCOnAnEmptyLineKeepsTheSession() throws {
        let terminal = try Terminal()
        try terminal.send("C-c")
        _ = try terminal.waitFor("gongkai> ^C")
        try terminal.type("requests")
        try terminal.send("Enter")
        _ = try terminal.waitFor("   ...>")
        try terminal.send("C-c")
        _ = try terminal.waitFor("^C", count: 2)
        try terminal.send("C-c")
        _ = try terminal.waitFor("^C", count: 3)
        #expect(Self.sessionAlive(terminal.name))
        try terminal.type("reports by level;")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("(2 rows)")
        #expect(!screen.contains("error"), "the discarded “requests” must not be run with the next statement")
    }

    /// A statement with a lexer error ends at its `;` and shows its error at once; the next statement is
    /// run on its own. A full-width ； ends a statement as ; does.
    @Test func aBadStatementEndsAndTheNextRuns() throws {
        let terminal = try Terminal()
        try terminal.type("reports where county = 西山县 @ 1;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("unexpected character “@”")
        try terminal.type("reports by level；")
        try terminal.send("Enter")
        let screen = try terminal.waitFor("(2 rows)")
        #expect(!screen.contains("   ...>"))
        try terminal.type("sql SELECT 'a' || 'b' AS joined, 7 % 3 AS rest;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("ab")
    }

    /// libedit keeps the pointers given for its function names: they must outlive the editor. Started
    /// again and again, the REPL never says `bind: Invalid command` and Ctrl-C always discards the line.
    @Test func startsCleanlyEveryTime() throws {
        for round in 0..<50 {
            let terminal = try Terminal()
            try terminal.type("thrown away \(round)")
            try terminal.send("C-c")
            let screen = try terminal.waitFor("^C")
            #expect(!screen.contains("bind:"), "round \(round):\n\(screen)")
            #expect(!screen.contains("Invalid"), "round \(round):\n\(screen)")
            try terminal.type("reports;")
            try terminal.send("Enter")
            let after = try terminal.waitFor("(1 row)")
            #expect(!after.contains("error"), "round \(round): the discarded text was run:\n\(after)")
        }
    }

    /// Ctrl-C cancels a `.load`: it is rolled back, says so, and the session goes on with what it had.
    @Test func ctrlCCancelsALoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gk-load-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try BinaryRunner.run(["generate", folder, "--reports", "4000"])
        let terminal = try Terminal()
        try terminal.type(".load \(folder)")
        try terminal.send("Enter")
        usleep(600_000)
        try terminal.send("C-c")
        let screen = try terminal.waitFor("it was rolled back")
        #expect(screen.contains("the load was interrupted"))
        try terminal.type("reports;")
        try terminal.send("Enter")
        _ = try terminal.waitFor("     19")
    }

    static func sessionAlive(_ name: String) -> Bool {
        (try? Terminal.tmux(["list-sessions", "-F", "#{session_name}"]))?.split(separator: "\n").contains { $0 == name } ?? false
    }
}
