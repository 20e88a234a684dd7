/// SQL text and the values bound to its numbered parameters (?1, ?2, …). Identifiers in the text come
/// only from the catalogue or are quoted; every value a user typed is in `values`.
public struct CompiledQuery: Equatable, Sendable {
    public var sql: String
    public var values: [DatabaseValue]
}

/// Builds SQL text and its values together, so each `?N` matches its value whatever order pieces are
/// assembled in.
struct SQLBuilder {
    var values: [DatabaseValue] = []

    mutating func bind(_ value: DatabaseValue) -> String {
        values.append(value)
        return "?\(values.count)"
    }

    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacing("\"", with: "\"\"") + "\""
    }
}

/// A query whose columns depend on data (pivot): first `valuesQuery` reads the pivot values, then
/// `finish(values:)` compiles the query with one column per value.
public struct PivotPlan {
    public var valuesQuery: CompiledQuery
    let build: ([DatabaseValue]) -> CompiledQuery
    public func finish(values: [DatabaseValue]) -> CompiledQuery { build(values) }
}

public enum CompiledStatement {
    case query(CompiledQuery)
    case pivot(PivotPlan)
}
