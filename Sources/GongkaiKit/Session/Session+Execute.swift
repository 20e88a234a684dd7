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
        public func render(source: String, origin: String? = nil, statement: ParsedStatement? = nil) -> String {
            switch self {
            case .query(let error):
                return error.render(source: source, origin: origin)
            case .database(let error):
                var prefix = ""
                if let statement, let origin {
                    let (line, column) = QueryError("", at: statement.range).position(in: source)
                    prefix = "\(origin):\(line):\(column): "
                }
                var text = "\(prefix)error: SQLite: \(error.message)\n"
                if let pointed = error.pointed { text += pointed + "\n" }
                return text
            case .other(let message):
                return "error: \(message)\n"
            }
        }
    }

    public struct Step {
        public var statement: ParsedStatement?
        public var result: Result<Output, Failure>
    }

    /// Every statement of `text`, each run whatever happened to the others.
    public func run(_ text: String) -> [Step] {
        let parsed: [Result<ParsedStatement, QueryError>]
        do { parsed = try Parser.parseRecovering(text) } catch { return [Step(statement: nil, result: .failure(.query(error)))] }
        return parsed.map { item in
            switch item {
            case .failure(let error): return Step(statement: nil, result: .failure(.query(error)))
            case .success(let statement): return Step(statement: statement, result: execute(statement))
            }
        }
    }

    /// One statement (or several); the last output, or the first failure.
    public func execute(_ text: String) throws(Failure) -> Output {
        var last = Output.message("")
        for step in run(text) {
            switch step.result {
            case .success(let output): last = output
            case .failure(let failure): throw failure
            }
        }
        return last
    }

    public func execute(_ statement: ParsedStatement) -> Result<Output, Failure> {
        do {
            return .success(try perform(statement.node))
        } catch let error as QueryError {
            return .failure(.query(error))
        } catch let error as DatabaseError {
            return .failure(.database(error))
        } catch {
            return .failure(.other("\(error)"))
        }
    }

    func perform(_ node: StatementNode) throws -> Output {
        switch node {
        case .sql(let text, _):
            return try runSQL(text)
        case .explain(let inner):
            return .message(try explain(inner))
        case .show(let what):
            return .rows(try show(what))
        case .check(let rules, let filter):
            return try check(rules: rules, filter: filter)
        case .query(let query):
            return .rows(try run(compile(query)))
        }
    }

    public func compile(_ query: QueryNode) throws(QueryError) -> CompiledStatement {
        SQLCompiler().compile(try Resolver().resolve(query))
    }

    func run(_ compiled: CompiledStatement) throws -> ResultSet {
        switch compiled {
        case .query(let query):
            return try database.query(query.sql, query.values)
        case .pivot(let plan):
            return try withPivotBase(plan) { values in
                let final = plan.finish(values: values)
                return try database.query(final.sql, final.values)
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
        func describe(_ query: CompiledQuery) -> String {
            var text = query.sql + "\n"
            for (index, value) in query.values.enumerated() {
                text += "  ?\(index + 1) = " + (value.string.map { "'\($0)'" } ?? value.description) + "\n"
            }
            return text
        }
        switch node {
        case .query(let query):
            switch try compile(query) {
            case .query(let compiled): return describe(compiled)
            case .pivot(let plan):
                // The pivot values are read (the base aggregated) to print the final query's columns.
                return try withPivotBase(plan) { values in
                    "-- the groups, aggregated once into a temporary table:\n" + describe(plan.materialize)
                        + "-- the pivot values, read from it:\n" + describe(plan.valuesQuery)
                        + "-- then:\n" + describe(plan.finish(values: values))
                        + "-- and the table dropped:\n" + PivotPlan.drop + "\n"
                }
            }
        case .sql(let text, _): return text.trimmingSpaces + "\n"
        case .explain(let inner): return try explain(inner)
        case .check(let names, _):
            let rules = names.isEmpty ? AuditRules.all : names.compactMap { AuditRules.rule($0.name) }
            return rules.map { "-- \($0.id) (\($0.title))\n" + $0.sql + ";\n" }.joined()
        case .show: return "(“explain” shows the SQL of queries, checks and sql statements)\n"
        }
    }
}
