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

    public init(path: String = ":memory:", readOnly: Bool = false) throws(DatabaseError) {
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
    }

    deinit { sqlite3_close_v2(handle) }

    /// Prepares the first statement of `sql`. Throws SQLite's message when it does not compile.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK else { throw DatabaseError.from(handle, code: code, sql: sql) }
        guard let statement else { throw DatabaseError(code: SQLITE_MISUSE, message: "no statement in the SQL", sql: sql) }
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
            if let statement { try body(Statement(database: self, handle: statement, sql: text)) }
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
    public func query(_ sql: String, _ values: [DatabaseValue] = []) throws(DatabaseError) -> ResultSet {
        let statement = try prepare(sql)
        let rows = try statement.rows(values)
        return ResultSet(columns: statement.columnNames, rows: rows)
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
    public init(columns: [String], rows: [[DatabaseValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
