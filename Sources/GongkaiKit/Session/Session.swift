/// One analyst's working state: the database, the output format, and how statements are run. The
/// REPL, batch files and `-c` all go through here, so a statement means the same thing everywhere.
public final class Session {
    public let database: Database
    public var format: OutputFormat = .table
    public var renderOptions = RenderOptions()
    /// Raw SQL may only read (`gongkai run` and `.read` of a saved query file, unless --allow-writes).
    public var rawSQLReadOnly = false
    /// Load both files of a body and year that differ (`--keep-duplicates`, `.load --keep-duplicates`).
    public var keepDuplicates = false
    /// Lines for stderr that a statement left (an audit run first, a hint on an empty answer); the shell
    /// prints and clears them after each statement.
    public var notes: [String] = []
    /// True once the user asked to stop (Ctrl-C in the REPL): a load checks it between reports.
    public var interrupted: @Sendable () -> Bool = { false }

    public init(database: Database) {
        self.database = database
    }

    /// Opens a database: in memory, or the file at `path` (created when missing, refused when it is not
    /// a gongkai database — and then left untouched).
    public static func open(path: String?) throws -> Session {
        var rolledBack = false
        if let path, FileBytes.exists(path), !FileBytes.isRegularFile(path) {
            // SQLite would block for ever opening a FIFO, and write into a device.
            throw StoreError(message: "\(path) is not a regular file (a FIFO, a device or a folder); refusing to touch it")
        }
        if let path, FileBytes.exists(path) {
            // Look before writing: a foreign file must stay as it was.
            let probe = try Database(path: path, readOnly: true)
            switch Schema.kind(of: probe) {
            case .foreign(let what): throw StoreError(message: "\(path) is \(what); refusing to touch it")
            case .locked: throw StoreError(message: "\(path) is locked by another process (a load in progress?); try again when it has finished")
            case .interrupted: rolledBack = true
            default: break
            }
        }
        // Read-write, SQLite rolls an interrupted load's journal back on its first read: the database is
        // as it was before that load, all or nothing.
        let database = try Database(path: path ?? ":memory:")
        if rolledBack, let path {
            if case .foreign(let what) = Schema.kind(of: database) { throw StoreError(message: "\(path) is \(what); refusing to touch it") }
        }
        try Schema.prepare(database)
        let session = Session(database: database)
        if rolledBack, let path { session.notes.append("\(path): an interrupted load was rolled back; the database is as it was before that load") }
        return session
    }

    /// Loads report files into the database (one transaction).
    public func load(files: [String], progress: ((Int, Int) -> Void)? = nil) throws -> Loader.Summary {
        let loader = try Loader(database: database)
        loader.keepDuplicates = keepDuplicates
        loader.interrupted = interrupted
        return try loader.load(files: files, progress: progress)
    }

    /// The result of one statement: rows to render, or a message.
    public enum Output: Equatable {
        case rows(ResultSet)
        case message(String)
        /// Rows and a line about them (the audit's summary).
        case report(ResultSet, note: String)
        /// Rows that went to `rowSink` as they came (CSV and JSON), this many.
        case streamed(rows: Int)
        /// Several results of one statement, each under its title (`compare`), and a line about them.
        case results([NamedResult], note: String)
    }

    /// Where a query's rows go one by one instead of into a `ResultSet` (set by the shell for CSV and
    /// JSON output, for one statement).
    public var rowSink: RowSink?

    /// Runs raw SQL (every statement in the text); the rows of the last statement that returns any.
    public func runSQL(_ sql: String) throws -> Output {
        database.readOnly = rawSQLReadOnly
        defer { database.readOnly = false }
        var last: ResultSet?
        var changed = 0
        var streamed: Int?
        do {
            try database.forEachStatement(sql) { statement in
                // The last statement's rows are the result: streamed when a sink waits for them.
                if let rowSink, statement.isLast, statement.columnCount > 0 {
                    try rowSink.begin(columns: statement.columnNames)
                    let count = try statement.forEachRow { try rowSink.row($0) }
                    try rowSink.end(rows: count)
                    streamed = count
                    return
                }
                let (rows, more) = try statement.rows([], limit: Limits.resultRows)
                if statement.columnCount > 0 {
                    last = ResultSet(columns: statement.columnNames, rows: rows, cut: more)
                } else {
                    changed += database.changes
                }
            }
        } catch let error as DatabaseError where rawSQLReadOnly && error.primaryCode == 23 {
            // SQLITE_AUTH from the authorizer says only "not authorized".
            throw DatabaseError(code: error.code, message: "a saved query file may only read: ATTACH, DETACH and pragmas that set a value are refused (run the file with --allow-writes if you trust it)",
                                sql: error.sql, offset: error.offset)
        }
        if let streamed { return .streamed(rows: streamed) }
        if let last {
            if last.cut { notes.append(Self.cutNote) }
            return .rows(last)
        }
        return .message("ok (\(changed) row\(changed == 1 ? "" : "s") changed)")
    }

    /// One of several results of a statement, under its title.
    public struct NamedResult: Equatable, Sendable {
        public var title: String
        public var result: ResultSet
        /// Two texts side by side (columns: section, one side, the other): the report page shows them in
        /// two columns with the passages they share shaded.
        public var sideBySide = false
    }

    static let cutNote = "the result was cut at \(Limits.resultRows) rows (Limits.resultRows); add a limit or a where"

    public func render(_ output: Output) -> String {
        switch output {
        case .rows(let result): return format.render(result, options: renderOptions)
        case .message(let text): return text.hasSuffix("\n") ? text : text + "\n"
        case .streamed: return ""
        case .report(let result, let note):
            if format == .table || format == .bar { return (result.rows.isEmpty ? "" : format.renderFitting(result, options: renderOptions)) + note + "\n" }
            return format.render(result, options: renderOptions)
        case .results(let parts, let note):
            switch format {
            case .json:
                return "{" + parts.map { JSONRenderer.string($0.title) + ": " + format.render($0.result, options: renderOptions).trimmingSpaces }
                    .joined(separator: ", ") + "}\n"
            case .markdown:
                return parts.filter { !$0.sideBySide }.map { "### \($0.title)\n\n" + format.render($0.result, options: renderOptions) }.joined(separator: "\n")
            case .csv:
                return parts.filter { !$0.sideBySide }.map { "-- \($0.title)\n" + format.render($0.result, options: renderOptions) }.joined(separator: "\n")
            default:
                // Whole texts side by side are for the report page (`--format html`), JSON and workbooks.
                let format = self.format == .bar ? OutputFormat.table : self.format
                return parts.filter { !$0.sideBySide }.map { part in
                    "-- \(part.title)\n" + (part.result.rows.isEmpty ? "(0 rows)\n" : format.renderFitting(part.result, options: renderOptions))
                }.joined(separator: "\n") + note + "\n"
            }
        }
    }
}
