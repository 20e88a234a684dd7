/// AST → `ResolvedQuery`: every name looked up in the catalogue (English or Chinese), every value
/// checked against its dimension's type and closed set, and the combination checked: a dimension that
/// belongs to one fact table (渠道 to 主动公开, 申请人 to section 三) only goes with metrics from it.
public struct ResolvedQuery {
    public indirect enum Formula {
        case metric(Int)
        case number(Double)
        case binary(Character, Formula, Formula)
        case negate(Formula)
        /// The row's part of the total of the column (`share(M)`).
        case share(Formula)

        var isShare: Bool {
            if case .share = self { return true }
            return false
        }
    }

    public struct Output {
        public var name: String
        public var formula: Formula
    }

    public struct Grouping {
        /// The column name shown: the dimension as the user typed it.
        public var name: String
        public var dimension: Catalog.Dimension
        /// Named in Chinese: its values are shown in Chinese too (`层级` → 乡镇, 街道).
        public var showsChinese: Bool { name == dimension.chinese && !dimension.chineseValues.isEmpty }
    }

    public indirect enum Filter {
        case compare(Catalog.Dimension, String, DatabaseValue)
        case between(Catalog.Dimension, DatabaseValue, DatabaseValue)
        case inList(Catalog.Dimension, [DatabaseValue], negated: Bool)
        case like(Catalog.Dimension, DatabaseValue, negated: Bool)
        case isNull(Catalog.Dimension, negated: Bool)
        case and(Filter, Filter)
        case or(Filter, Filter)
        case not(Filter)

        var dimensions: [Catalog.Dimension] {
            switch self {
            case .compare(let d, _, _), .between(let d, _, _), .inList(let d, _, _), .like(let d, _, _), .isNull(let d, _): return [d]
            case .and(let a, let b), .or(let a, let b): return a.dimensions + b.dimensions
            case .not(let a): return a.dimensions
            }
        }
    }

    public var metrics: [Catalog.Metric]
    public var outputs: [Output]
    public var groupings: [Grouping]
    public var filter: Filter?
    public var pivot: Grouping?
    public var order: [OrderKey]
    public var limit: Int?
    /// Conditions on the result's metrics (`where 行政复议 > 0`), applied after aggregation.
    public var having: [MetricCondition] = []
    /// `top N`: the rows ranked in the first N by the order (ties at the cut kept).
    public var top: Int? = nil
    /// `with total`, `with subtotals` (the label of the subtotal rows), `with rank` (the rank column's name).
    public var total: String? = nil
    public var subtotals: String? = nil
    public var rank: String? = nil
    /// `pivot … without changes`: the value columns alone.
    public var pivotWithoutChanges = false

    public struct MetricCondition: Sendable {
        public var column: String
        /// `=`, `!=`, `<`, `<=`, `>`, `>=` or `between`.
        public var op: String
        public var values: [DatabaseValue]
    }

    /// One `order by` item. In a pivot a name that is not a grouping is a pivoted column (`2023`,
    /// `"Δ2022→2023"`), known only once the pivot's values are read: it stays unresolved until then.
    public struct OrderKey: Sendable {
        public var column: String
        public var descending: Bool
        public var range: Range<Int>
        public var resolved: Bool
    }

    /// The fact dimensions in play (by, where or pivot): they decide how some metrics are read.
    var factDimensions: Set<String> {
        Set((groupings + (pivot.map { [$0] } ?? [])).map(\.dimension).filter { $0.source != nil }.map(\.name)
            + (filter?.dimensions ?? []).filter { $0.source != nil }.map(\.name))
    }
}

public struct Resolver {
    public init() {}

    public func resolve(_ node: QueryNode) throws(QueryError) -> ResolvedQuery {
        var metrics: [Catalog.Metric] = []
        var metricRanges: [Range<Int>] = []
        func formula(_ expr: Expr) throws(QueryError) -> ResolvedQuery.Formula {
            switch expr {
            case .number(let value, _): return .number(value)
            case .negate(let inner, _): return .negate(try formula(inner))
            case .share(let inner, _): return .share(try formula(inner))
            case .binary(let op, let left, let right): return .binary(op, try formula(left), try formula(right))
            case .name(let ref):
                guard let metric = Catalog.metric(named: ref.name) else { throw unknownMetric(ref) }
                if let index = metrics.firstIndex(where: { $0.name == metric.name }) { return .metric(index) }
                metrics.append(metric)
                metricRanges.append(ref.range)
                return .metric(metrics.count - 1)
            }
        }
        var outputs: [ResolvedQuery.Output] = []
        for measure in node.measures {
            outputs.append(.init(name: measure.alias?.name ?? measure.text, formula: try formula(measure.expr)))
        }
        if metrics.isEmpty, let first = node.measures.first {
            throw QueryError("a query needs at least one metric; found only numbers", at: first.expr.range,
                             hints: ["e.g. `reports by year`; “show metrics” lists the metrics"])
        }
        var groupings: [ResolvedQuery.Grouping] = []
        for ref in node.dimensions {
            let dimension = try self.dimension(ref)
            if groupings.contains(where: { $0.dimension.name == dimension.name }) {
                throw QueryError("dimension “\(ref.name)” is named twice after “by”", at: ref.range)
            }
            groupings.append(.init(name: ref.name, dimension: dimension))
        }
        // Conditions on metrics (`where 行政复议 > 0`) apply to the aggregated rows; the rest select reports.
        let (reportConditions, metricConditions) = Self.splitMetricConditions(node.filter, outputs: outputs.map(\.name))
        let filter = try reportConditions.map { condition throws(QueryError) in try self.filter(condition) }
        var having: [ResolvedQuery.MetricCondition] = []
        for condition in metricConditions {
            having.append(try metricCondition(condition, outputs: outputs))
        }
        var pivot: ResolvedQuery.Grouping?
        if let ref = node.pivot {
            let dimension = try self.dimension(ref)
            if groupings.contains(where: { $0.dimension.name == dimension.name }) {
                throw QueryError("“\(ref.name)” is both a “by” dimension and the pivot", at: ref.range,
                                 hints: ["pivot turns its values into columns; leave it out of “by”"])
            }
            pivot = .init(name: ref.name, dimension: dimension)
        }
        // Fact dimensions only go with metrics read from the same table.
        var factRefs: [(Catalog.Dimension, Range<Int>)] = zip(node.dimensions, groupings).map { ($1.dimension, $0.range) }
        if let ref = node.pivot, let pivot { factRefs.append((pivot.dimension, ref.range)) }
        factRefs += conditionRefs(reportConditions)
        for (dimension, range) in factRefs {
            if let allowed = dimension.onlyWith, let metric = metrics.first(where: { !allowed.contains($0.name) }) {
                let names = allowed.compactMap { name in Catalog.metrics.first { $0.name == name }.map { "\($0.name) (\($0.chinese))" } }
                throw QueryError("“\(dimension.name)” (\(dimension.chinese)) goes only with \(names.joined(separator: ", ")), and “\(metric.name)” (\(metric.chinese)) is not one",
                                 at: range, hints: ["e.g. `denied by reason` / `不予公开 按 理由`"])
            }
            guard let source = dimension.source else { continue }
            for (metric, metricRange) in zip(metrics, metricRanges) where metric.source != source {
                throw QueryError("“\(dimension.name)” (\(dimension.chinese)) goes only with \(Self.describe(source)) metrics, and “\(metric.name)” (\(metric.chinese)) is not one",
                                 at: range, hints: ["split the query, or drop “\(metric.name)” (at column \(metricRange.lowerBound + 1))"])
            }
        }
        if let top = node.top, pivot != nil {
            throw QueryError("“top” ranks the rows of a query without a pivot", at: top.range,
                             hints: ["rank first, then pivot in a second statement, or use “order by 2023 desc limit N” on the pivot"])
        }
        var columns = groupings.map(\.name) + outputs.map(\.name)
        if let pivot { columns.append(pivot.name) }
        var order: [ResolvedQuery.OrderKey] = []
        for item in node.order {
            if pivot != nil {
                let grouping = orderColumn(item.name.name, groupings: groupings, outputs: [])
                order.append(.init(column: grouping ?? item.name.name, descending: item.descending, range: item.name.range, resolved: grouping != nil))
                continue
            }
            guard let column = orderColumn(item.name.name, groupings: groupings, outputs: outputs) else {
                throw QueryError("cannot order by “\(item.name.name)”: it is not a column of the result", at: item.name.range,
                                 hints: ["the columns are " + columns.map { "“\($0)”" }.joined(separator: ", ")])
            }
            order.append(.init(column: column, descending: item.descending, range: item.name.range, resolved: true))
        }
        var resolved = ResolvedQuery(metrics: metrics, outputs: outputs, groupings: groupings, filter: filter, pivot: pivot,
                                     order: order, limit: node.limit?.value, having: having, top: node.top?.value)
        try additions(node, into: &resolved)
        resolved.pivotWithoutChanges = node.pivotWithoutChanges
        return resolved
    }

    /// `with total / subtotals / rank`: what each needs of the rest of the statement.
    func additions(_ node: QueryNode, into query: inout ResolvedQuery) throws(QueryError) {
        for addition in node.additions {
            switch addition.kind {
            case .total, .subtotals:
                // The added rows aggregate the reports the statement selects; cut by a condition on a metric,
                // top or limit, the rows shown would not add up to them.
                if !query.having.isEmpty || node.top != nil || node.limit != nil {
                    throw QueryError("“\(addition.label)” totals every row the statement selects; with a condition on a metric, “top” or “limit” the rows shown are fewer",
                                     at: addition.range, hints: ["drop the condition on the metric (or top/limit) to have the total, or total in a second statement"])
                }
                if addition.kind == .subtotals {
                    guard query.groupings.count >= 2 else {
                        throw QueryError("“\(addition.label)” sums the rows of each value of the first dimension: it needs two dimensions or more",
                                         at: addition.range, hints: ["for one dimension, “with total” (合计) adds the total row"])
                    }
                    guard query.pivot == nil else {
                        throw QueryError("“\(addition.label)” does not go with “pivot”", at: addition.range, hints: ["“with total” (合计) does: a total row under the pivot"])
                    }
                    if let first = query.order.first, first.column != query.groupings[0].name {
                        throw QueryError("“\(addition.label)” needs the rows in the order of the first dimension, and “order by” puts “\(first.column)” first",
                                         at: addition.range, hints: ["drop “order by”, or order by “\(query.groupings[0].name)” first"])
                    }
                    query.subtotals = addition.label
                    query.total = query.total ?? Catalog.additionLabel(.total, chinese: addition.label == "小计")
                } else {
                    query.total = addition.label
                }
            case .rank:
                guard query.pivot == nil else {
                    throw QueryError("“\(addition.label)” ranks the rows of a query without a pivot", at: addition.range,
                                     hints: ["rank by a pivoted column with “order by 2023 desc”"])
                }
                query.rank = addition.label
            }
        }
        if query.rank != nil, query.total != nil {
            throw QueryError("a rank and a total row do not go together: the total has no rank", at: node.additions.last?.range ?? 0..<0,
                             hints: ["ask for them in two statements"])
        }
    }

    static func describe(_ source: Catalog.Source) -> String {
        let names = Catalog.metrics.filter { $0.source == source }.map(\.name)
        return names.count == 1 ? "“\(names[0])”" : "the " + source.rawValue + " (" + names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "") + ")"
    }

    /// The conjuncts of a `where` that name a metric, split from those that select reports. A metric
    /// inside `or` or `not` with a dimension stays where it is (and is reported as a metric there).
    static func splitMetricConditions(_ condition: Condition?, outputs: [String]) -> (reports: Condition?, metrics: [Condition]) {
        guard let condition else { return (nil, []) }
        var conjuncts: [Condition] = []
        var pending = [condition]
        while let next = pending.popLast() {
            if case .and(let a, let b) = next { pending += [b, a] } else { conjuncts.append(next) }
        }
        func namesMetric(_ condition: Condition) -> Bool {
            switch condition {
            case .compare(let ref, _, _), .between(let ref, _, _):
                return Catalog.dimension(named: ref.name) == nil && (Catalog.metric(named: ref.name) != nil || outputs.contains(ref.name))
            default: return false
            }
        }
        let metrics = conjuncts.filter(namesMetric)
        let reports = conjuncts.filter { !namesMetric($0) }
        let joined = reports.dropFirst().reduce(reports.first) { result, next in result.map { .and($0, next) } }
        return (joined, metrics)
    }

    /// `where 行政复议 > 0`: a comparison of a metric in the result with a number.
    func metricCondition(_ condition: Condition, outputs: [ResolvedQuery.Output]) throws(QueryError) -> ResolvedQuery.MetricCondition {
        switch condition {
        case .compare(let ref, let op, let value):
            let column = try metricColumn(ref, outputs: outputs)
            guard case .number(let number, _) = value.kind else {
                throw QueryError("“\(ref.name)” is a metric: compare it with a number, found “\(value.text)”", at: value.range)
            }
            return .init(column: column, op: op, values: [.number(number)])
        case .between(let ref, let low, let high):
            let column = try metricColumn(ref, outputs: outputs)
            guard case .number(let a, _) = low.kind, case .number(let b, _) = high.kind else {
                throw QueryError("“\(ref.name)” is a metric: a range of numbers", at: low.range.lowerBound..<high.range.upperBound)
            }
            return .init(column: column, op: "between", values: [.number(a), .number(b)])
        default:
            throw QueryError("a condition on a metric compares it with a number", at: 0..<0)
        }
    }

    func metricColumn(_ ref: NameRef, outputs: [ResolvedQuery.Output]) throws(QueryError) -> String {
        guard let column = orderColumn(ref.name, groupings: [], outputs: outputs) else {
            throw QueryError("“\(ref.name)” is a metric but not in the result: a condition on a metric filters the result's rows", at: ref.range,
                             hints: ["add it to the metrics: `\(ref.name), … by … where \(ref.name) > 0`"])
        }
        return column
    }

    func orderColumn(_ name: String, groupings: [ResolvedQuery.Grouping], outputs: [ResolvedQuery.Output]) -> String? {
        if let output = outputs.first(where: { $0.name == name }) { return output.name }
        if let grouping = groupings.first(where: { $0.name == name }) { return grouping.name }
        if let dimension = Catalog.dimension(named: name), let grouping = groupings.first(where: { $0.dimension.name == dimension.name }) {
            return grouping.name
        }
        if let metric = Catalog.metric(named: name),
           let output = outputs.first(where: { Catalog.metric(named: $0.name)?.name == metric.name }) {
            return output.name
        }
        return nil
    }

    func conditionRefs(_ condition: Condition?) -> [(Catalog.Dimension, Range<Int>)] {
        guard let condition else { return [] }
        switch condition {
        case .compare(let ref, _, _), .between(let ref, _, _), .inList(let ref, _, _), .like(let ref, _, _), .isNull(let ref, _):
            return Catalog.dimension(named: ref.name).map { [($0, ref.range)] } ?? []
        case .and(let a, let b), .or(let a, let b): return conditionRefs(a) + conditionRefs(b)
        case .not(let a): return conditionRefs(a)
        }
    }

    func unknownMetric(_ ref: NameRef) -> QueryError {
        if let dimension = Catalog.dimension(named: ref.name) {
            return QueryError("“\(ref.name)” is a dimension, not a metric", at: ref.range,
                              hints: ["group by it: `reports by \(dimension.name)`; “show metrics” lists the metrics"])
        }
        return Self.unknown("metric", ref, among: Catalog.metrics.flatMap { [$0.name, $0.chinese] }, listedBy: "show metrics")
    }

    /// “unknown KIND “x””, with the nearest names in both languages and where the list is.
    static func unknown(_ kind: String, _ ref: NameRef, among names: [String], listedBy command: String) -> QueryError {
        var hints = ["“\(command)” lists the \(kind)s"]
        if let suggestion = Suggestions.didYouMean(Suggestions.nearest(ref.name, among: names)) { hints.insert(suggestion, at: 0) }
        return QueryError("unknown \(kind) “\(ref.name)”", at: ref.range, hints: hints)
    }

    func dimension(_ ref: NameRef) throws(QueryError) -> Catalog.Dimension {
        if let dimension = Catalog.dimension(named: ref.name) { return dimension }
        if Catalog.metric(named: ref.name) != nil {
            throw QueryError("“\(ref.name)” is a metric, not a dimension", at: ref.range,
                             hints: ["metrics come before “by”; “show dimensions” lists the dimensions"])
        }
        throw Self.unknown("dimension", ref, among: Catalog.dimensions.flatMap { [$0.name, $0.chinese] }, listedBy: "show dimensions")
    }

    func filter(_ condition: Condition) throws(QueryError) -> ResolvedQuery.Filter {
        switch condition {
        case .and(let a, let b): return .and(try filter(a), try filter(b))
        case .or(let a, let b): return .or(try filter(a), try filter(b))
        case .not(let a): return .not(try filter(a))
        case .compare(let ref, let op, let value):
            let dimension = try self.dimension(ref)
            let checkSet = op == "=" || op == "!="
            return .compare(dimension, op, try typed(value, for: dimension, ref: ref, checkSet: checkSet))
        case .between(let ref, let low, let high):
            let dimension = try self.dimension(ref)
            guard dimension.type == .integer else {
                throw QueryError("a range needs a numeric dimension; “\(ref.name)” is text", at: low.range.lowerBound..<high.range.upperBound)
            }
            return .between(dimension, try typed(low, for: dimension, ref: ref, checkSet: false), try typed(high, for: dimension, ref: ref, checkSet: false))
        case .inList(let ref, let values, let negated):
            let dimension = try self.dimension(ref)
            var typedValues: [DatabaseValue] = []
            for value in values { typedValues.append(try typed(value, for: dimension, ref: ref, checkSet: true)) }
            return .inList(dimension, typedValues, negated: negated)
        case .like(let ref, let value, let negated):
            let dimension = try self.dimension(ref)
            guard dimension.type == .text else {
                throw QueryError("“like” compares text; “\(ref.name)” is a number", at: value.range)
            }
            return .like(dimension, .text(value.text), negated: negated)
        case .isNull(let ref, let negated):
            return .isNull(try self.dimension(ref), negated: negated)
        }
    }

    /// The value as the dimension's column holds it, or a type error that says what was expected.
    func typed(_ value: Value, for dimension: Catalog.Dimension, ref: NameRef, checkSet: Bool) throws(QueryError) -> DatabaseValue {
        switch dimension.type {
        case .integer:
            guard case .number(let number, _) = value.kind, number.rounded() == number else {
                throw QueryError("“\(ref.name)” is a number, and “\(value.text)” is not", at: value.range,
                                 hints: ["e.g. `\(ref.name) = 2021` or `\(ref.name) = 2019..2021`"])
            }
            // SQLite's integers end at 2⁶³; no year or count comes near.
            guard abs(number) < 9.2e18 else {
                throw QueryError("“\(value.text)” is too large for “\(ref.name)”", at: value.range)
            }
            return .integer(Int64(number))
        case .text:
            let text = dimension.aliases[value.text] ?? value.text
            let merged = dimension.mergedValuesAllowed && text.contains("、") && text.split(separator: "、").allSatisfy { dimension.values?.contains(String($0)) ?? false }
            if checkSet, !merged, let values = dimension.values, !values.contains(text) {
                var hints = ["“\(ref.name)” is one of: " + values.joined(separator: " ")]
                if let suggestion = Suggestions.didYouMean(Suggestions.nearest(text, among: values)) { hints.insert(suggestion, at: 0) }
                throw QueryError("“\(text)” is not a value of “\(ref.name)”", at: value.range, hints: hints)
            }
            return .text(text)
        }
    }
}
