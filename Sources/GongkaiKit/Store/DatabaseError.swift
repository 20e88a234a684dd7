import CSQLite

/// An error from SQLite: the extended result code, SQLite's own message, the SQL that failed and, where
/// SQLite knows it, the byte offset in that SQL.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String?
    /// Byte offset into `sql` of the token SQLite choked on (sqlite3_error_offset), when known.
    public var offset: Int?

    public init(code: Int32, message: String, sql: String? = nil, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.offset = offset
    }

    /// The primary result code (SQLITE_CONSTRAINT for SQLITE_CONSTRAINT_UNIQUE, …).
    public var primaryCode: Int32 { code & 0xFF }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " — in “\(sql)”" }
        return text
    }

    /// The statement with a caret under the position SQLite reported, for people.
    public var pointed: String? {
        guard let sql, let offset, offset >= 0, offset <= sql.utf8.count else { return nil }
        let prefix = String(decoding: sql.utf8.prefix(offset), as: UTF8.self)
        let line = sql.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = prefix.filter { $0 == "\n" }.count
        let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        guard lineIndex < line.count else { return nil }
        return String(line[lineIndex]) + "\n" + String(repeating: " ", count: DisplayWidth.of(column)) + "^"
    }

    static func from(_ connection: OpaquePointer?, code: Int32, sql: String?) -> DatabaseError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        let offset = connection.map { Int(sqlite3_error_offset($0)) }.flatMap { $0 >= 0 ? $0 : nil }
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        return DatabaseError(code: extended, message: message, sql: sql, offset: offset)
    }
}
