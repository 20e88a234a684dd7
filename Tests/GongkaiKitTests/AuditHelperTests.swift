import Foundation
import Testing
@testable import GongkaiKit

/// The audit's second connection (`AuditHelper`): the findings it makes are the ones one connection
/// running the rules in turn makes, and a rule it cannot run is run by the writer, never lost.
struct AuditHelperTests {
    static let findings = """
        SELECT report_id, rule, severity, message, expected, typeof(expected), actual, typeof(actual), location
        FROM finding WHERE rule NOT LIKE 'parse:%' ORDER BY rule, rowid
        """

    /// A `--db` file of the generated corpus with every kind of fault (the scale-answer corpus).
    static func corpusFile() throws -> (Session, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-helper-\(UUID().uuidString).db").path
        return (try ScaleAnswerTests.corpus(path: path), path)
    }

    static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The rules over every report, as `Auditor` runs them, with the helper asked for from one report.
    static func runWithHelper(_ rules: [AuditRule], on database: Database) throws -> Int {
        let selection = CompiledQuery(sql: "SELECT id FROM report", values: [])
        return try database.transaction {
            try database.execute("CREATE TEMP TABLE IF NOT EXISTS audit_scope (id INTEGER PRIMARY KEY)")
            try database.execute("DELETE FROM temp.audit_scope")
            try database.execute("INSERT INTO temp.audit_scope " + selection.sql)
            let size = Int(try database.scalar("SELECT count(*) FROM temp.audit_scope")?.double ?? 0)
            return try AuditHelper.run(rules, on: database, selection: selection, scopeSize: size, helperFrom: 1) {
                try database.execute("DELETE FROM finding WHERE rule NOT LIKE 'parse:%'")
            }
        }
    }

    @Test func theHelpersFindingsAreTheOnesOneConnectionMakes() throws {
        let (session, path) = try Self.corpusFile()
        defer { Self.remove(path) }
        // 180 reports: under the limit, so `check` runs every rule on one connection.
        _ = try Auditor(database: session.database).run(rules: AuditRules.all)
        let alone = try session.database.query(Self.findings).rows
        let byRule = Dictionary(grouping: alone, by: { $0[1].string ?? "" })
        // The rules the helper surely takes (the first) and the writer surely takes (the last) found
        // something, so both paths carry rows.
        #expect(byRule[AuditRules.all[0].id] != nil)
        #expect(byRule.count >= 8)

        let helped = try Self.runWithHelper(AuditRules.all, on: session.database)
        #expect(helped >= 1)
        let together = try session.database.query(Self.findings).rows
        #expect(together.count == alone.count)
        // The first row that differs, not two tables of a thousand rows.
        if let index = together.indices.first(where: { $0 < alone.count && together[$0] != alone[$0] }) {
            Issue.record("finding \(index) differs: \(together[index]) instead of \(alone[index])")
        }
    }

    @Test func aRuleTheHelperCannotRunIsRunByTheWriter() throws {
        let (session, path) = try Self.corpusFile()
        defer { Self.remove(path) }
        let database = session.database
        // A temporary table only the writer's connection has: the helper's SELECT fails on it.
        try database.execute("CREATE TEMP TABLE only_here AS SELECT id FROM report ORDER BY id LIMIT 3")
        func rule(_ id: String, _ sql: String) -> AuditRule {
            AuditRule(id: id, title: id, severity: .warning, summary: "", sql: sql)
        }
        let failing = rule("only_here", AuditSQL.insert + "SELECT id, 'only_here', 'warning', 'm', NULL, NULL, 'x' FROM temp.only_here ORDER BY id")
        let otherShape = rule("other_shape", "INSERT INTO finding (report_id, rule, severity, message, location) SELECT id, 'other_shape', 'warning', 'm', 'x' FROM report ORDER BY id LIMIT 2")
        let plain = rule("plain", AuditSQL.insert + "SELECT id, 'plain', 'warning', 'm', NULL, NULL, 'x' FROM report ORDER BY id LIMIT 4")

        #expect(try Self.runWithHelper([failing, plain], on: database) == 0)
        #expect(try database.scalar("SELECT count(*) FROM finding WHERE rule = 'only_here'") == .integer(3))
        #expect(try database.scalar("SELECT count(*) FROM finding WHERE rule = 'plain'") == .integer(4))

        #expect(try Self.runWithHelper([otherShape, plain], on: database) == 0)
        #expect(try database.scalar("SELECT count(*) FROM finding WHERE rule = 'other_shape'") == .integer(2))
        #expect(try database.scalar("SELECT count(*) FROM finding WHERE rule = 'plain'") == .integer(4))
    }

    @Test func aHelperThatSeesAnotherScopeRunsNothing() throws {
        let (session, path) = try Self.corpusFile()
        defer { Self.remove(path) }
        let database = session.database
        // The writer's scope is the database's reports; told it is one more, the helper's count differs
        // (as it would reading another file): every rule is run by the writer.
        let selection = CompiledQuery(sql: "SELECT id FROM report", values: [])
        let helped = try database.transaction {
            try database.execute("CREATE TEMP TABLE IF NOT EXISTS audit_scope (id INTEGER PRIMARY KEY)")
            try database.execute("DELETE FROM temp.audit_scope")
            try database.execute("INSERT INTO temp.audit_scope " + selection.sql)
            let size = Int(try database.scalar("SELECT count(*) FROM temp.audit_scope")?.double ?? 0)
            return try AuditHelper.run(AuditRules.all, on: database, selection: selection, scopeSize: size + 1, helperFrom: 1) {
                try database.execute("DELETE FROM finding WHERE rule NOT LIKE 'parse:%'")
            }
        }
        #expect(helped == 0)
        #expect(try database.scalar("SELECT count(DISTINCT rule) FROM finding WHERE rule NOT LIKE 'parse:%'")?.double ?? 0 >= 8)
    }

    /// The helper's connection fails at once on a lock the writer holds, instead of waiting 30 s for a
    /// writer that is waiting for it.
    @Test func theHelpersConnectionDoesNotWaitForALock() throws {
        let (session, path) = try Self.corpusFile()
        defer { Self.remove(path) }
        try session.database.execute("BEGIN EXCLUSIVE")
        defer { try? session.database.execute("ROLLBACK") }
        // Not a speed measurement: waiting is 30 s of polling the lock, failing at once is not waiting.
        let start = ContinuousClock.now
        let helper = try Database(path: path, readOnly: true, waitsForLocks: false)
        #expect(throws: DatabaseError.self) { try helper.scalar("SELECT count(*) FROM report") }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func anInMemoryDatabaseHasNoHelper() throws {
        let session = try ScaleAnswerTests.corpus()
        #expect(try Self.runWithHelper(AuditRules.all, on: session.database) == 0)
        #expect(try session.database.scalar("SELECT count(*) > 0 FROM finding WHERE rule NOT LIKE 'parse:%'") == .integer(1))
    }
}
