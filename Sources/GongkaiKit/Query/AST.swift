/// The parsed form of statements, before any name is looked up. Every node keeps its source range.
public struct NameRef: Equatable, Sendable {
    public var name: String
    public var range: Range<Int>
}

public indirect enum Expr: Equatable, Sendable {
    case number(Double, Range<Int>)
    case name(NameRef)
    case binary(Character, Expr, Expr)
    case negate(Expr, Range<Int>)
    /// `share(M)` / `占比(M)`: the row's part of the column's total (within the first dimension's group
    /// when there are two or more, within each pivot column).
    case share(Expr, Range<Int>)

    public var range: Range<Int> {
        switch self {
        case .number(_, let range), .negate(_, let range), .share(_, let range): return range
        case .name(let name): return name.range
        case .binary(_, let left, let right):
            let lower = min(left.range.lowerBound, right.range.lowerBound)
            return lower..<max(lower, left.range.upperBound, right.range.upperBound)
        }
    }
}

public struct Measure: Equatable, Sendable {
    public var expr: Expr
    public var alias: NameRef?
    /// The expression as typed, used as the column name when there is no alias.
    public var text: String
}

public struct Value: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case number(Double, text: String)
        /// Quoted text.
        case string(String)
        /// A bare word where a value is expected (`羊亭镇`, `township`).
        case word(String)
    }
    public var kind: Kind
    public var range: Range<Int>

    public var text: String {
        switch kind {
        case .number(_, let text): return text
        case .string(let text), .word(let text): return text
        }
    }
}

public indirect enum Condition: Equatable, Sendable {
    case compare(NameRef, String, Value)
    case between(NameRef, Value, Value)
    case inList(NameRef, [Value], negated: Bool)
    case like(NameRef, Value, negated: Bool)
    /// `is null` / `为空` (and `is not null` / `不为空`): the report does not say.
    case isNull(NameRef, negated: Bool)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

public struct OrderItem: Equatable, Sendable {
    public var name: NameRef
    public var descending: Bool
}

public struct QueryNode: Equatable, Sendable {
    public var measures: [Measure]
    public var dimensions: [NameRef]
    public var filter: Condition?
    public var pivot: NameRef?
    public var order: [OrderItem]
    public var limit: (value: Int, range: Range<Int>)?
    /// `top N` / `前 N`: the first N by the order, ties at the cut kept.
    public var top: (value: Int, range: Range<Int>)? = nil
    /// `with total, subtotals, rank` / `合计`, `小计`, `排名`: rows and columns added to the result.
    public var additions: [Addition] = []
    /// `pivot year without changes` / `透视 年份 不比较`: no Δ and % columns.
    public var pivotWithoutChanges = false

    public static func == (a: QueryNode, b: QueryNode) -> Bool {
        a.measures == b.measures && a.dimensions == b.dimensions && a.filter == b.filter && a.pivot == b.pivot
            && a.order == b.order && a.limit?.value == b.limit?.value && a.top?.value == b.top?.value && a.additions == b.additions
            && a.pivotWithoutChanges == b.pivotWithoutChanges
    }
}

/// What `with …` (or its Chinese word) adds to a result; `label` is what the added row or column is
/// called in the result: the word as typed (`合计`, `total`).
public struct Addition: Equatable, Sendable {
    public enum Kind: String, Sendable { case total, subtotals, rank }
    public var kind: Kind
    public var label: String
    public var range: Range<Int>
}

public indirect enum StatementNode: Equatable, Sendable {
    case query(QueryNode)
    case explain(StatementNode)
    case sql(String, offset: Int)
    case show(NameRef)
    /// `check` / `检查` (then the result is in Chinese).
    case check(rules: [NameRef], filter: Condition?, chinese: Bool)
    /// `compare 羊亭镇 2021 with 2022` / `对比 羊亭镇 2021 2022`: two reports side by side.
    case compare(CompareNode)
    /// `search "12345热线"` / `搜索 政务新媒体`: the sentences of sections 一/五/六 that contain the text.
    case search(text: String, range: Range<Int>, filter: Condition?, chinese: Bool)
}

/// A statement with where it stands in the script.
public struct ParsedStatement: Equatable, Sendable {
    public var node: StatementNode
    public var range: Range<Int>
    /// The statement's source text.
    public var text: String
    /// A name given by a `-- name: …` comment before it, for batch output.
    public var name: String?
}

/// One side of a `compare`: a body (by name) and a year, either may be left to the other side or `where`.
public struct CompareSide: Equatable, Sendable {
    public var name: String?
    public var year: Int?
    public var range: Range<Int>
}

public struct CompareNode: Equatable, Sendable {
    public var left: CompareSide
    public var right: CompareSide
    public var filter: Condition?
    /// `all` / `全部`: every cell, not only those that differ.
    public var all: Bool
    public var chinese: Bool
    public var range: Range<Int>
}
