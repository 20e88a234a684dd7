import CSQLite

/// A prepared statement. It owns its sqlite3_stmt: prepared in `init` (throwing SQLite's message with
/// the SQL), finalized in `deinit`, reset before reuse. Values are bound, never spliced into SQL.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    /// Set by `Database.forEachStatement`: no statement follows this one in its text.
    public internal(set) var isLast = true
    unowned let database: Database

    init(database: Database, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public var columnNames: [String] {
        (0..<Int32(columnCount)).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// True for statements that do not write (SELECT, EXPLAIN, most PRAGMAs).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Resets the statement and binds `values` to ?1, ?2, … in order.
    public func bind(_ values: [DatabaseValue]) throws(DatabaseError) {
        reset()
        guard values.count == parameterCount else {
            throw DatabaseError(code: SQLITE_RANGE, message: "\(values.count) value(s) for \(parameterCount) parameter(s)", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Binds one value to a named parameter (`:name`, `@name`, `$name`).
    public func bind(_ value: DatabaseValue, named name: String) throws(DatabaseError) {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else { throw DatabaseError(code: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql) }
        try bind(value, at: Int(index))
    }

    public func bind(_ value: DatabaseValue, at index: Int) throws(DatabaseError) {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, position)
        case .integer(let number): code = sqlite3_bind_int64(handle, position, number)
        case .real(let number): code = sqlite3_bind_double(handle, position, number)
        case .text(let text):
            // Explicit length: a NUL inside the text survives.
            var text = text
            code = text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress, chars.count > 0 {
                        return gongkai_bind_text(handle, position, base, Int32(chars.count))
                    }
                    // An empty string is text, not NULL: bind a real (empty) C string.
                    return "".withCString { gongkai_bind_text(handle, position, $0, 0) }
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { gongkai_bind_blob(handle, position, $0.baseAddress, Int32($0.count)) }
        }
        guard code == SQLITE_OK else { throw DatabaseError.from(database.handle, code: code, sql: sql) }
    }

    /// Advances to the next row: true when a row is there, false when done.
    @discardableResult
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError.from(database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The value of a column of the current row: a switch on the column's storage class.
    public func column(_ index: Int) -> DatabaseValue {
        let position = Int32(index)
        switch sqlite3_column_type(handle, position) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, position))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, position))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, position))
            guard let pointer = sqlite3_column_text(handle, position) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, position))
            guard let pointer = sqlite3_column_blob(handle, position) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }

    /// Runs with `values` and returns every row.
    public func rows(_ values: [DatabaseValue] = []) throws(DatabaseError) -> [[DatabaseValue]] {
        try rows(values, limit: .max).rows
    }

    /// At most `limit` rows, and whether there were more (the statement stops there: an endless
    /// recursive query ends at the limit instead of taking the machine's memory).
    public func rows(_ values: [DatabaseValue], limit: Int) throws(DatabaseError) -> (rows: [[DatabaseValue]], more: Bool) {
        try bind(values)
        var rows: [[DatabaseValue]] = []
        let count = columnCount
        while try step() {
            if rows.count == limit { return (rows, true) }
            rows.append((0..<count).map(column))
        }
        return (rows, false)
    }

    /// Hands each row to `body` as SQLite produces it; the number of rows.
    @discardableResult
    public func forEachRow(_ values: [DatabaseValue] = [], _ body: ([DatabaseValue]) throws -> Void) throws -> Int {
        try bind(values)
        let count = columnCount
        var rows = 0
        while try step() {
            try body((0..<count).map(column))
            rows += 1
        }
        return rows
    }

    /// Runs with `values`, ignoring any rows.
    public func run(_ values: [DatabaseValue] = []) throws(DatabaseError) {
        try bind(values)
        while try step() {}
    }
}
