import Testing
@testable import GongkaiKit

/// The SQLite wrapper: values in and out, several statements, transactions, and each error path.
struct StoreTests {
    @Test func textWithNULAndFourByteCharactersSurvives() throws {
        let database = try Database()
        try database.execute("CREATE TABLE t (x TEXT)")
        let text = "a\u{0}b 𠀀𪚥 羊亭镇 😀"
        try database.execute("INSERT INTO t VALUES (?1)", [.text(text)])
        #expect(try database.scalar("SELECT x FROM t") == .text(text))
        #expect(try database.scalar("SELECT length(CAST(x AS BLOB)) FROM t") == .integer(Int64(text.utf8.count)))
        try database.execute("INSERT INTO t VALUES (?1)", [.text("")])
        #expect(try database.scalar("SELECT count(*) FROM t WHERE x = ''") == .integer(1))
    }

    @Test func valuesKeepTheirStorageClass() throws {
        let database = try Database()
        let row = try #require(try database.query("SELECT ?1, ?2, ?3, ?4, ?5", [.null, .integer(42), .real(1.5), .text("公开"), .blob([0, 255])]).rows.first)
        #expect(row == [.null, .integer(42), .real(1.5), .text("公开"), .blob([0, 255])])
    }

    @Test func namedParameters() throws {
        let database = try Database()
        let statement = try database.prepare("SELECT :a || :b")
        statement.reset()
        try statement.bind(.text("政府"), named: ":a")
        try statement.bind(.text("网站"), named: ":b")
        #expect(try statement.step())
        #expect(statement.column(0) == .text("政府网站"))
        #expect(throws: DatabaseError.self) { try statement.bind(.null, named: ":c") }
    }

    @Test func severalStatementsInOneString() throws {
        let database = try Database()
        try database.execute("CREATE TABLE a (x); CREATE INDEX a_x ON a(x); -- a comment\n INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);")
        #expect(try database.scalar("SELECT sum(x) FROM a") == .integer(3))
    }

    @Test func syntaxErrorsCarryMessageSQLAndOffset() throws {
        let database = try Database()
        do {
            _ = try database.query("SELECT 1 FORM t")
            Issue.record("no error")
        } catch {
            #expect(error.primaryCode == 1)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELECT 1 FORM t")
            #expect(error.offset == 14)
            #expect(error.pointed == "SELECT 1 FORM t\n              ^")
        }
    }

    @Test func caretIsAlignedUnderChineseText() throws {
        let database = try Database()
        do {
            _ = try database.query("SELECT '羊亭镇' AS 乡镇, nosuch")
            Issue.record("no error")
        } catch {
            #expect(error.message == "no such column: nosuch")
            // 25 columns: each of the five CJK characters takes two.
            #expect(error.pointed == "SELECT '羊亭镇' AS 乡镇, nosuch\n" + String(repeating: " ", count: 25) + "^")
        }
    }

    @Test func constraintViolationHasTheExtendedCode() throws {
        let session = try Session.open(path: nil)
        do {
            try session.database.execute("INSERT INTO report (file, content_hash, level) VALUES ('a', 'h', 'village')")
            Issue.record("no error")
        } catch {
            #expect(error.primaryCode == 19)  // SQLITE_CONSTRAINT
            #expect(error.code == 275)  // SQLITE_CONSTRAINT_CHECK
            #expect(error.message.contains("CHECK constraint failed"))
        }
    }

    @Test func misuseIsAnErrorNotACrash() throws {
        let database = try Database()
        let statement = try database.prepare("SELECT ?1")
        #expect(throws: DatabaseError.self) { try statement.bind([.integer(1), .integer(2)]) }
        #expect(throws: DatabaseError.self) { try database.prepare("") }
        #expect(throws: DatabaseError.self) { try database.query("SELECT * FROM nowhere") }
    }

    @Test func transactionsRollBackOnError() throws {
        let database = try Database()
        try database.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        #expect(throws: DatabaseError.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1)")
                try database.execute("INSERT INTO t VALUES (NULL)")
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
