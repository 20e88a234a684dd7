/// Running statements: parse (recovering from errors statement by statement), resolve, compile, run.
extension Session {
    /// What went wrong with one statement.
    public enum Failure: Error, CustomStringConvertible {
        case query(QueryError)
        case database(DatabaseError)
        case other(String)

        public var description: String {
            switch self {
            case .query(let error): return error.message
            case .database(let error): return "SQLite: \(error.message)"
            case .other(let message): return message
            }
        }

        /// The message as printed: with the source line and an underline where the error has a position.
        public func render(source: String, origin: String? = nil, statement: ParsedStatement? = nil, lineOffset: Int = 0) -> String {
            switch self {
            case .query(let error):
                return error.render(source: source, origin: origin, lineOffset: lineOffset)
            case .database(let error):
                // In raw SQL, SQLite's own error offset points into the text as typed.
                if let statement, let position = Self.sqlPosition(of: error, in: statement) {
                    return QueryError("SQLite: \(error.message)", at: position..<position + 1).render(source: source, origin: origin, lineOffset: lineOffset)
                }
                var prefix = ""
                if let statement, let origin {
                    let (line, column) = QueryError("", at: statement.range).position(in: source)
                    prefix = "\(origin):\(line + lineOffset):\(column): "
                }
                var text = "\(prefix)error: SQLite: \(error.message)\n"
                if let pointed = error.pointed { text += pointed + "\n" }
                return text
            case .other(let message):
                return "error: \(message)\n"
            }
        }

        /// The character offset in the script of the token SQLite's error points at, for an error in a
        /// `sql` statement (whose text SQLite saw from the failing statement on).
        static func sqlPosition(of error: DatabaseError, in statement: ParsedStatement) -> Int? {
            var node = statement.node
            while case .explain(let inner) = node { node = inner }
            guard case .sql(let text, let start) = node, let offset = error.offset, let failing = error.sql else { return nil }
            let skipped = text.utf8.count - failing.utf8.count
            guard skipped >= 0, text.utf8.dropFirst(skipped).elementsEqual(failing.utf8), offset <= failing.utf8.count else { return nil }
            return start + String(decoding: text.utf8.prefix(skipped + offset), as: UTF8.self).count
        }
    }

    /// One statement (or several), run in order until one fails; the last output, or the first failure.
    public func execute(_ text: String) throws(Failure) -> Output {
        var last = Output.message("")
        for item in Parser.parseRecovering(text) {
            switch item {
            case .failure(let error): throw .query(error)
            case .success(let statement):
                switch execute(statement) {
                case .success(let output): last = output
                case .failure(let failure): throw failure
                }
            }
        }
        return last
    }

    /// Runs one parsed statement. `echo` receives each piece of SQL just before it runs (`.sql on`): the
    /// statement is compiled once, and what is echoed is what runs.
    public func execute(_ statement: ParsedStatement, echo: ((String) -> Void)? = nil) -> Result<Output, Failure> {
        do {
            return .success(try perform(statement.node, echo: echo))
        } catch let error as QueryError {
            return .failure(.query(error))
        } catch let error as DatabaseError {
            return .failure(.database(error))
        } catch {
            return .failure(.other("\(error)"))
        }
    }

    func perform(_ node: StatementNode, echo: ((String) -> Void)? = nil) throws -> Output {
        switch node {
        case .sql(let text, _):
            if text.lowercased().contains("text_reuse") { ensureReuseCurrent() }
            if text.lowercased().contains("finding") { ensureAuditCurrent() }
            echo?(text.trimmingSpaces + "\n")
            return try runSQL(text)
        case .explain(let inner):
            return .message(try explain(inner))
        case .show(let what):
            return .rows(try show(what))
        case .check(let rules, let filter, let chinese):
            if let echo { echo(try explain(node)) }
            return try check(rules: rules, filter: filter, chinese: chinese)
        case .compare(let compare):
            return try self.compare(compare)
        case .search(let text, _, let filter, let chinese):
            return .rows(try search(text, filter: filter, chinese: chinese))
        case .query(let query):
            let compiled = try compile(query)
            if compiled.reads("text_reuse") { ensureReuseCurrent() }
            if compiled.reads("finding") { ensureAuditCurrent() }
            if let rowSink {
                let count = try stream(compiled, to: rowSink, echo: echo)
                if count == 0 { notes += emptyAnswerHints(query) }
                return .streamed(rows: count)
            }
            let result = try run(compiled, echo: echo)
            if result.rows.isEmpty { notes += emptyAnswerHints(query) }
            return .rows(result)
        }
    }

    /// A compiled query's rows to `sink` as SQLite produces them; how many.
    func stream(_ compiled: CompiledStatement, to sink: RowSink, echo: ((String) -> Void)?) throws -> Int {
        func send(_ query: CompiledQuery) throws -> Int {
            echo?(query.described)
            let statement = try database.prepare(query.sql)
            try sink.begin(columns: statement.columnNames)
            let count = try statement.forEachRow(query.values) { try sink.row($0) }
            try sink.end(rows: count)
            return count
        }
        switch compiled {
        case .query(let query):
            return try send(query)
        case .pivot(let plan):
            echo?(plan.materialize.described + plan.valuesQuery.described)
            return try withPivotBase(plan) { values in try send(try plan.finish(values: values)) }
        }
    }

    /// Measures the text reuse of every consecutive pair first when a load changed the reports
    /// (`ReuseTable`); a note says so when it took a while to notice.
    func ensureReuseCurrent() {
        do {
            if let pairs = try ReuseTable.ensureCurrent(database), pairs > 1000 {
                notes.append("measured the text reuse of \(pairs) consecutive pairs first")
            }
        } catch {
            notes.append("the text reuse could not be measured (\(error)); text_reuse may not describe what is loaded")
        }
    }

    /// Runs every audit rule first when the findings are older than what is loaded (`AuditState`).
    func ensureAuditCurrent() {
        guard AuditState.isStale(database) else { return }
        do {
            let (_, summary) = try Auditor(database: database).run(rules: AuditRules.all)
            try AuditState.markCurrent(database)
            notes.append("the audit had not run on what is loaded: ran it first (\(summary.line))")
        } catch {
            notes.append("the audit could not run first (\(error)); findings may not describe what is loaded")
        }
    }

    public func compile(_ query: QueryNode) throws(QueryError) -> CompiledStatement {
        SQLCompiler().compile(try Resolver().resolve(query))
    }

    func run(_ compiled: CompiledStatement, echo: ((String) -> Void)? = nil) throws -> ResultSet {
        switch compiled {
        case .query(let query):
            echo?(query.described)
            var result = try database.query(query.sql, query.values, limit: Limits.resultRows)
            result.percentColumns = Set(query.percentColumns)
            if result.cut { notes.append(Self.cutNote) }
            return result
        case .pivot(let plan):
            echo?(plan.materialize.described + plan.valuesQuery.described)
            return try withPivotBase(plan) { values in
                let final = try plan.finish(values: values)
                echo?(final.described)
                var result = try database.query(final.sql, final.values, limit: Limits.resultRows)
                result.percentColumns = Set(final.percentColumns)
                if result.cut { notes.append(Self.cutNote) }
                return result
            }
        }
    }

    /// Aggregates a pivot's base into its temporary table, reads the pivot values, runs `body` with them;
    /// the table is dropped after, whatever happens (and before, should an interrupted pivot have left it).
    public func withPivotBase<T>(_ plan: PivotPlan, _ body: ([DatabaseValue]) throws -> T) throws -> T {
        try database.execute(PivotPlan.drop)
        defer { try? database.execute(PivotPlan.drop) }
        _ = try database.query(plan.materialize.sql, plan.materialize.values)
        return try body(try database.query(plan.valuesQuery.sql).rows.compactMap(\.first))
    }

    func explain(_ node: StatementNode) throws -> String {
        func describe(_ query: CompiledQuery) -> String { query.described }
        switch node {
        case .query(let query):
            switch try compile(query) {
            case .query(let compiled): return describe(compiled)
            case .pivot(let plan):
                // The pivot values are read (the base aggregated) to print the final query's columns.
                return try withPivotBase(plan) { values in
                    "-- the groups, aggregated once into a temporary table:\n" + describe(plan.materialize)
                        + "-- the pivot values, read from it:\n" + describe(plan.valuesQuery)
                        + "-- then:\n" + describe(try plan.finish(values: values))
                        + "-- and the table dropped:\n" + PivotPlan.drop + "\n"
                }
            }
        case .sql(let text, _): return text.trimmingSpaces + "\n"
        case .explain(let inner): return try explain(inner)
        case .check(let names, _, _):
            let rules = names.isEmpty ? AuditRules.all : names.compactMap { AuditRules.rule($0.name) }
            return rules.map { "-- \($0.id) (\($0.title))\n" + $0.sql + ";\n" }.joined()
        case .show, .compare, .search: return "(“explain” shows the SQL of queries, checks and sql statements)\n"
        }
    }
}
