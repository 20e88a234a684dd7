/// One analyst's working state: the database, the output format, and how statements are run. The
/// REPL, batch files and `-c` all go through here, so a statement means the same thing everywhere.
public final class Session {
    public let database: Database
    public var format: OutputFormat = .table
    public var renderOptions = RenderOptions()
    /// Load both files of a body and year that differ (`--keep-duplicates`, `.load --keep-duplicates`).
    public var keepDuplicates = false
    /// Lines for stderr that a statement left (an audit run first, a hint on an empty answer); the shell
    /// prints and clears them after each statement.
    public var notes: [String] = []

    public init(database: Database) {
        self.database = database
    }

    /// Opens a database: in memory, or the file at `path` (created when missing, refused when it is not
    /// a gongkai database — and then left untouched).
    public static func open(path: String?) throws -> Session {
        if let path, FileBytes.exists(path) {
            // Look before writing: a foreign file must stay as it was.
            let probe = try Database(path: path, readOnly: true)
            if case .foreign(let what) = Schema.kind(of: probe) {
                throw StoreError(message: "\(path) is \(what); refusing to touch it")
            }
        }
        let database = try Database(path: path ?? ":memory:")
        try Schema.prepare(database)
        return Session(database: database)
    }

    /// Loads report files into the database (one transaction).
    public func load(files: [String], progress: ((Int, Int) -> Void)? = nil) throws -> Loader.Summary {
        let loader = try Loader(database: database)
        loader.keepDuplicates = keepDuplicates
        return try loader.load(files: files, progress: progress)
    }

    /// The result of one statement: rows to render, or a message.
    public enum Output: Equatable {
        case rows(ResultSet)
        case message(String)
        /// Rows and a line about them (the audit's summary).
        case report(ResultSet, note: String)
    }

    /// Runs raw SQL (every statement in the text); the rows of the last statement that returns any.
    public func runSQL(_ sql: String) throws -> Output {
        var last: ResultSet?
        var changed = 0
        try database.forEachStatement(sql) { statement in
            let rows = try statement.rows()
            if statement.columnCount > 0 {
                last = ResultSet(columns: statement.columnNames, rows: rows)
            } else {
                changed += database.changes
            }
        }
        if let last { return .rows(last) }
        return .message("ok (\(changed) row\(changed == 1 ? "" : "s") changed)")
    }

    public func render(_ output: Output) -> String {
        switch output {
        case .rows(let result): return format.render(result, options: renderOptions)
        case .message(let text): return text.hasSuffix("\n") ? text : text + "\n"
        case .report(let result, let note):
            if format == .table || format == .bar { return (result.rows.isEmpty ? "" : format.render(result, options: renderOptions)) + note + "\n" }
            return format.render(result, options: renderOptions)
        }
    }
}
