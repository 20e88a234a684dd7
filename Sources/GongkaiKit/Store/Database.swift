#if canImport(Glibc)
import Glibc
#endif
import CSQLite

/// A connection to SQLite: in memory (the default) or a file. A small, safe wrapper in the manner of
/// GRDB's Core: statements are prepared with their tail followed (several statements in one string),
/// errors carry SQLite's extended code, message and the SQL, values are always bound.
public final class Database {
    let handle: OpaquePointer
    public let path: String

    /// Process-wide settings, made once before the first connection opens.
    static let configured: Bool = {
        _ = gongkai_disable_memory_statistics()
        return true
    }()

    /// `waitsForLocks: false`: fail at once with "database is locked" instead of waiting for another
    /// connection's lock (the audit's helper must never wait for the writer it helps: the writer is
    /// waiting for it). Even setting the page cache reads the schema, so this is decided on opening.
    public init(path: String = ":memory:", readOnly: Bool = false, waitsForLocks: Bool = true) throws(DatabaseError) {
        _ = Self.configured
        var connection: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError.from(connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw DatabaseError(code: error.code, message: "cannot open \(path): \(error.message)")
        }
        handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        // A double-quoted name that is no column must be an error, not a string literal (SQLite's legacy
        // default): `ORDER BY "requests"` on a result without that column silently ordered by a constant.
        gongkai_disable_double_quoted_strings(connection)
        if waitsForLocks { sqlite3_busy_handler(connection, waitForLock, nil) }
        sqlite3_exec(connection, "PRAGMA cache_size = -\(Limits.pageCacheMiB * 1024)", nil, nil, nil)
        readOnlyGuard.initialize(to: 0)
        sqlite3_set_authorizer(connection, authorize, readOnlyGuard)
    }

    /// The database file's full path as SQLite opened it; nil for an in-memory or temporary database.
    public var filePath: String? {
        guard let name = sqlite3_db_filename(handle, "main") else { return nil }
        let path = String(cString: name)
        return path.isEmpty ? nil : path
    }

    deinit {
        sqlite3_close_v2(handle)
        readOnlyGuard.deallocate()
    }

    /// While set, statements may only read: each must be read-only by SQLite's judgement
    /// (`sqlite3_stmt_readonly`), and the authorizer refuses ATTACH, DETACH and pragmas that set a value
    /// (which SQLite counts as read-only). For raw SQL from a saved query file someone else wrote.
    public var readOnly: Bool {
        get { readOnlyGuard.pointee != 0 }
        set { readOnlyGuard.pointee = newValue ? 1 : 0 }
    }
    /// Where the authorizer callback reads `readOnly` (owned here, freed after the connection closes).
    private let readOnlyGuard = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    /// A statement that would write while `readOnly` is set: refused before it runs.
    func checkReadOnly(_ statement: OpaquePointer, sql: String) throws(DatabaseError) {
        guard readOnly, sqlite3_stmt_readonly(statement) == 0 else { return }
        sqlite3_finalize(statement)
        throw DatabaseError(code: SQLITE_AUTH, message: "a saved query file may only read: this statement would change the database or a file (run the file with --allow-writes if you trust it)", sql: sql)
    }

    /// Prepares the first statement of `sql`. Throws SQLite's message when it does not compile.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK else { throw DatabaseError.from(handle, code: code, sql: sql) }
        guard let statement else { throw DatabaseError(code: SQLITE_MISUSE, message: "no statement in the SQL", sql: sql) }
        try checkReadOnly(statement, sql: sql)
        return Statement(database: self, handle: statement, sql: sql)
    }

    /// Prepares and hands over each statement of `sql` in turn, following the tail pointer. Each one is
    /// prepared only after the previous one ran, so a script may create a table and then index it.
    /// Empty statements (only comments or `;`) are skipped.
    public func forEachStatement(_ sql: String, _ body: (Statement) throws -> Void) throws {
        let utf8 = Array(sql.utf8) + [0]
        var offset = 0
        while offset < utf8.count - 1 {
            var statement: OpaquePointer?
            var consumed = 0
            let code: Int32 = utf8.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return SQLITE_MISUSE }
                let start = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, start, -1, &statement, &tail)
                consumed = tail.map { $0 - start } ?? (utf8.count - 1 - offset)
                return code
            }
            guard code == SQLITE_OK else {
                // The rest of the text from the failing statement on: SQLite's error offset counts from here.
                throw DatabaseError.from(handle, code: code, sql: String(decoding: utf8[offset..<(utf8.count - 1)], as: UTF8.self))
            }
            let text = String(decoding: utf8[offset..<(offset + max(consumed, 0))], as: UTF8.self)
            if let statement { try checkReadOnly(statement, sql: text) }
            if let statement {
                let wrapped = Statement(database: self, handle: statement, sql: text)
                wrapped.isLast = Self.onlyCommentsAndSpace(utf8[(offset + max(consumed, 0))...])
                try body(wrapped)
            }
            if consumed <= 0 { break }
            offset += consumed
        }
    }

    /// Runs every statement of `sql`; `values` are bound to the first one (the others take none).
    public func execute(_ sql: String, _ values: [DatabaseValue] = []) throws(DatabaseError) {
        var first = true
        do {
            try forEachStatement(sql) { statement in
                try statement.run(first ? values : [])
                first = false
            }
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(code: SQLITE_ERROR, message: "\(error)", sql: sql)
        }
    }

    /// The rows of one query.
    public func query(_ sql: String, _ values: [DatabaseValue] = [], limit: Int = .max) throws(DatabaseError) -> ResultSet {
        let statement = try prepare(sql)
        let (rows, more) = try statement.rows(values, limit: limit)
        return ResultSet(columns: statement.columnNames, rows: rows, cut: more)
    }

    /// The first column of the first row, or nil.
    public func scalar(_ sql: String, _ values: [DatabaseValue] = []) throws(DatabaseError) -> DatabaseValue? {
        try query(sql, values).rows.first?.first
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// True when `bytes` hold no further statement: spaces, `;` and comments only.
    static func onlyCommentsAndSpace(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ";") || (byte >= 9 && byte <= 13) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "-") {
                while index < bytes.endIndex, bytes[index] != 10 { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.endIndex, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The sqlite3 connection, for a signal handler that calls sqlite3_interrupt (async-signal-safe).
    public var connection: OpaquePointer { handle }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Stops the running query from another thread (Ctrl-C): it fails with SQLITE_INTERRUPT.
    public func interrupt() { sqlite3_interrupt(handle) }

    /// Copies the whole database to a file with SQLite's online backup.
    public func backup(to path: String) throws(DatabaseError) {
        let target = try Database(path: path)
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw DatabaseError.from(target.handle, code: sqlite3_errcode(target.handle), sql: nil)
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw DatabaseError.from(target.handle, code: code, sql: nil) }
    }
}

/// Columns and rows of a query result.
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]
    /// True when more rows were there than were kept (`Limits.resultRows`).
    public var cut = false
    /// Columns that are ratios, shown as percentages by the table and Markdown.
    public var percentColumns: Set<String> = []
    public init(columns: [String], rows: [[DatabaseValue]], cut: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.cut = cut
    }

    /// About how many bytes the cells take as text: what a renderer reserves once, so the buffer of a
    /// large result is not copied as it grows (a Swift String knows its UTF-8 length without reading it).
    var estimatedTextBytes: Int {
        var bytes = 0
        for row in rows {
            for value in row {
                if case .text(let text) = value { bytes += text.utf8.count } else { bytes += 12 }
            }
        }
        return bytes
    }
}

/// While another process holds the database (a load into the same `--db`), wait instead of failing at
/// once: 50 ms at a time, saying so after a second, giving up after 30 s (then the statement fails with
/// SQLite's "database is locked", which the callers name as a lock).
private func waitForLock(_ context: UnsafeMutableRawPointer?, _ attempts: Int32) -> Int32 {
    if attempts == 20 {
        let message = Array("gongkai: waiting for another process that is writing to the database (a load?)…\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
    guard attempts < 600 else { return 0 }
    usleep(50_000)
    return 1
}

/// Pragmas whose argument names what to read, not a value to set.
private let readingPragmas: Set<String> = ["table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
                                           "table_list", "integrity_check", "quick_check"]

/// The authorizer: while the connection is read-only (see `Database.readOnly`), ATTACH and DETACH are
/// refused (ATTACH creates files; SQLite counts both as read-only), and so is a pragma that sets a
/// value (`PRAGMA writable_schema = 1`). Otherwise everything is allowed.
private func authorize(_ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?,
                       _ database: UnsafePointer<CChar>?, _ trigger: UnsafePointer<CChar>?) -> Int32 {
    guard let context, context.assumingMemoryBound(to: Int32.self).pointee != 0 else { return SQLITE_OK }
    switch action {
    case SQLITE_ATTACH, SQLITE_DETACH: return SQLITE_DENY
    case SQLITE_PRAGMA:
        guard second != nil, let first else { return SQLITE_OK }
        return readingPragmas.contains(String(cString: first).lowercased()) ? SQLITE_OK : SQLITE_DENY
    default: return SQLITE_OK
    }
}
