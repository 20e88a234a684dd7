/// `ResolvedQuery` → SQL. Each source of metrics (a fact table) is aggregated on its own in a CTE
/// `s0`, `s1`, … grouped by the dimensions; the CTEs are then joined on the dimensions (through the
/// union of their keys, so a group present in one source only still shows). Formulas between metrics
/// are computed on the joined row; division yields NULL rather than failing on 0.
///
/// How metrics read their tables:
/// - request metrics read the 总计 column unless `applicant` is a dimension or filtered (then the
///   applicant columns, 总计 excluded); `handled` by `outcome` reads each outcome row;
/// - `active` by (or filtered by) channel/account sums the exact channel counts; otherwise it sums each
///   report's stated total, falling back to the sum of its channel counts where no total is stated;
/// - metrics of one template only (`fees`, `procurement`, …) are NULL for the other template's reports.
public struct SQLCompiler {
    public init() {}

    public func compile(_ query: ResolvedQuery) -> CompiledStatement {
        guard let pivot = query.pivot else {
            var builder = SQLBuilder()
            let sql = select(query, groupings: query.groupings, builder: &builder, ordered: true)
            // A share: one count of a table over another of the same table (予以公开 / 申请, 复议纠正 / 复议).
            // Not `requests / reports` (an average) nor `active / requests`.
            let ratios = query.outputs.filter { output in
                guard case .binary("/", .metric(let a), .metric(let b)) = output.formula else { return false }
                return query.metrics[a].source == query.metrics[b].source && query.metrics[a].source != .report
            }.map(\.name)
            return .query(CompiledQuery(sql: sql, values: builder.values, percentColumns: ratios))
        }
        var baseBuilder = SQLBuilder()
        let base = select(query, groupings: query.groupings + [pivot], builder: &baseBuilder, ordered: false)
        let materialize = CompiledQuery(sql: "CREATE TEMP TABLE \(PivotPlan.tableName) AS \(base)",
                                        values: baseBuilder.values)
        let valuesSQL = "SELECT DISTINCT \(SQLBuilder.quote(pivot.name)) FROM \(PivotPlan.table) ORDER BY "
            + Self.sortKey(SQLBuilder.quote(pivot.name), pivot.dimension)
        return .pivot(PivotPlan(materialize: materialize, valuesQuery: CompiledQuery(sql: valuesSQL, values: [])) { pivotValues throws(QueryError) in
            try self.pivoted(query, pivot: pivot, pivotValues: pivotValues)
        })
    }

    // MARK: Plain queries

    func select(_ query: ResolvedQuery, groupings: [ResolvedQuery.Grouping], builder: inout SQLBuilder, ordered: Bool) -> String {
        let sources = plan(query)
        var ctes: [String] = []
        for (index, source) in sources.enumerated() {
            ctes.append("s\(index) AS (\(aggregate(source, query: query, groupings: groupings, builder: &builder)))")
        }
        let keyNames = groupings.indices.map { "d\($0)" }
        var from: String
        var keyColumn: (Int) -> String
        if sources.count == 1 || keyNames.isEmpty {
            from = sources.indices.map { "s\($0)" }.joined(separator: " CROSS JOIN ")
            keyColumn = { "s0.d\($0)" }
        } else {
            let keyList = keyNames.joined(separator: ", ")
            ctes.append("k AS (" + sources.indices.map { "SELECT \(keyList) FROM s\($0)" }.joined(separator: " UNION ") + ")")
            from = "k" + sources.indices.map { index in
                " LEFT JOIN s\(index) ON " + keyNames.map { "s\(index).\($0) IS k.\($0)" }.joined(separator: " AND ")
            }.joined()
            keyColumn = { "k.d\($0)" }
        }
        var columns = groupings.enumerated().map { "\(keyColumn($0.offset)) AS \(SQLBuilder.quote($0.element.name))" }
        for output in query.outputs {
            columns.append(formula(output.formula, sources: sources, builder: &builder) + " AS " + SQLBuilder.quote(output.name))
        }
        var sql = "WITH " + ctes.joined(separator: ", ") + " SELECT " + columns.joined(separator: ", ") + " FROM " + from
        if !query.having.isEmpty {
            // Conditions on metrics apply to the aggregated rows.
            let tests = query.having.map { condition -> String in
                let column = SQLBuilder.quote(condition.column)
                if condition.op == "between", condition.values.count == 2 {
                    return column + " BETWEEN " + builder.bind(condition.values[0]) + " AND " + builder.bind(condition.values[1])
                }
                return column + " " + (condition.op == "!=" ? "<>" : condition.op) + " " + builder.bind(condition.values.first ?? .null)
            }
            sql = "SELECT * FROM (" + sql + ") WHERE " + tests.joined(separator: " AND ")
        }
        if ordered, let top = query.top {
            // The first N by the order (else by the first metric, largest first), every row tied at the
            // cut kept: rank(), not a bare LIMIT, which would drop a tie silently.
            let rankOrder = query.order.isEmpty
                ? (query.outputs.first.map { SQLBuilder.quote($0.name) + " DESC" } ?? "1")
                : query.order.map { SQLBuilder.quote($0.column) + ($0.descending ? " DESC" : "") }.joined(separator: ", ")
            let names = (groupings.map(\.name) + query.outputs.map(\.name)).map(SQLBuilder.quote).joined(separator: ", ")
            sql = "SELECT \(names) FROM (SELECT *, rank() OVER (ORDER BY \(rankOrder)) AS gongkai_rank FROM (" + sql
                + ")) WHERE gongkai_rank <= " + builder.bind(.integer(Int64(top)))
            if query.order.isEmpty {
                sql += " ORDER BY " + ([rankOrder] + groupings.map { Self.sortKey(SQLBuilder.quote($0.name), $0.dimension) }).joined(separator: ", ")
                if let limit = query.limit { sql += " LIMIT " + builder.bind(.integer(Int64(limit))) }
                return sql
            }
        }
        if ordered {
            sql += orderClause(query, groupings: groupings)
            if let limit = query.limit { sql += " LIMIT " + builder.bind(.integer(Int64(limit))) }
        }
        return sql
    }

    func orderClause(_ query: ResolvedQuery, groupings: [ResolvedQuery.Grouping]) -> String {
        let items = query.order.map { key -> String in
            let grouping = groupings.first { $0.name == key.column }
            let direction = key.descending ? " DESC" : ""
            return grouping.map { Self.sortKey(SQLBuilder.quote($0.name), $0.dimension, direction) } ?? SQLBuilder.quote(key.column) + direction
        } + groupings.filter { grouping in !query.order.contains { $0.column == grouping.name } }.map { Self.sortKey(SQLBuilder.quote($0.name), $0.dimension) }
        return items.isEmpty ? "" : " ORDER BY " + items.joined(separator: ", ")
    }

    /// How a dimension's values sort: a closed list (channels, applicants, outcomes, levels) in the
    /// template's order (政府网站 before 微信公众号, 自然人 before 商业企业 — not code-point order), anything
    /// else as SQLite sorts it. The list is the catalogue's own constants, never a value typed.
    static func sortKey(_ column: String, _ dimension: Catalog.Dimension, _ direction: String = "") -> String {
        guard let values = dimension.values, !values.isEmpty else { return column + direction }
        let cases = values.enumerated().map { "WHEN '\($0.element.replacing("'", with: "''"))' THEN \($0.offset)" }.joined(separator: " ")
        return "CASE \(column) \(cases) ELSE \(values.count) END\(direction), \(column)\(direction)"
    }

    /// One source's metrics: which catalogue metrics, and how `active` is read.
    struct SourcePlan {
        var source: Catalog.Source
        var metrics: [Int]
        /// `active` read from the reports' stated totals rather than channel rows.
        var statedActive: Bool
    }

    func plan(_ query: ResolvedQuery) -> [SourcePlan] {
        var plans: [SourcePlan] = []
        let facts = query.factDimensions
        let channelInPlay = facts.contains("channel") || facts.contains("account")
        for (index, metric) in query.metrics.enumerated() {
            var source = metric.source
            var stated = false
            if metric.name == "active", !channelInPlay { source = .report; stated = true }
            if let position = plans.firstIndex(where: { $0.source == source }) {
                plans[position].metrics.append(index)
                plans[position].statedActive = plans[position].statedActive || stated
            } else {
                plans.append(SourcePlan(source: source, metrics: [index], statedActive: stated))
            }
        }
        if plans.isEmpty { plans.append(SourcePlan(source: .report, metrics: [], statedActive: false)) }
        return plans
    }

    func aggregate(_ plan: SourcePlan, query: ResolvedQuery, groupings: [ResolvedQuery.Grouping], builder: inout SQLBuilder) -> String {
        var columns = groupings.enumerated().map { "\($0.element.dimension.grouped) AS d\($0.offset)" }
        let facts = query.factDimensions
        for index in plan.metrics {
            let metric = query.metrics[index]
            columns.append(metricAggregate(metric, plan: plan, facts: facts) + " AS m\(index)")
        }
        var sql = "SELECT " + columns.joined(separator: ", ") + " FROM report r"
        if let table = Catalog.table(plan.source) { sql += " JOIN \(table) f ON f.report_id = r.id" }
        var wheres: [String] = []
        // Grouping by a fact column keeps only the rows that column describes: the applicant columns
        // without 总计, the outcome rows without （七）总计.
        let grouped = Set(groupings.map(\.dimension.name))
        if plan.source == .request, grouped.contains("applicant") { wheres.append("f.applicant <> '总计'") }
        if plan.source == .request, grouped.contains("outcome") { wheres.append("f.stage = '办理结果' AND f.outcome <> '总计'") }
        if let filter = query.filter { wheres.append(condition(filter, builder: &builder)) }
        if !wheres.isEmpty { sql += " WHERE " + wheres.joined(separator: " AND ") }
        if !groupings.isEmpty { sql += " GROUP BY " + groupings.indices.map { "d\($0)" }.joined(separator: ", ") }
        return sql
    }

    func metricAggregate(_ metric: Catalog.Metric, plan: SourcePlan, facts: Set<String>) -> String {
        if metric.name == "active", plan.statedActive {
            return "sum(coalesce(r.active_total, (SELECT sum(c.items) FROM active_channel c WHERE c.report_id = r.id AND c.approximate = 0)))"
        }
        if let aggregate = metric.aggregate { return aggregate }
        var conditions: [String] = []
        if var condition = metric.condition {
            if metric.name == "handled", facts.contains("outcome") {
                condition = "f.stage = '办理结果' AND f.outcome <> '总计'"
            }
            conditions.append(condition)
        }
        if metric.source == .request {
            conditions.append(facts.contains("applicant") ? "f.applicant <> '总计'" : "f.applicant = '总计'")
        }
        if let template = metric.template { conditions.append("r.template = '\(template.rawValue)'") }
        let filter = conditions.isEmpty ? "" : " FILTER (WHERE " + conditions.joined(separator: " AND ") + ")"
        return "sum(\(metric.value))" + filter
    }

    func condition(_ filter: ResolvedQuery.Filter, builder: inout SQLBuilder) -> String {
        switch filter {
        case .and, .or:
            // A chain `a or b or c` is one flat list in SQL: nested parentheses, one pair per operator,
            // overflow SQLite's parser stack past about 100.
            let isAnd: Bool
            if case .and = filter { isAnd = true } else { isAnd = false }
            let operands = Self.chain(filter, and: isAnd)
            return "(" + operands.map { condition($0, builder: &builder) }.joined(separator: isAnd ? " AND " : " OR ") + ")"
        case .not(let a): return "NOT (" + condition(a, builder: &builder) + ")"
        case .compare(let dimension, let op, let value):
            return "\(dimension.column) \(op == "!=" ? "IS NOT" : op == "=" ? "=" : op) " + builder.bind(value)
        case .between(let dimension, let low, let high):
            return "\(dimension.column) BETWEEN " + builder.bind(low) + " AND " + builder.bind(high)
        case .inList(let dimension, let values, let negated):
            return "\(dimension.column) \(negated ? "NOT IN" : "IN") (" + values.map { builder.bind($0) }.joined(separator: ", ") + ")"
        case .isNull(let dimension, let negated):
            return "\(dimension.column) IS \(negated ? "NOT " : "")NULL"
        case .like(let dimension, let pattern, let negated):
            return "\(dimension.column) \(negated ? "NOT LIKE" : "LIKE") " + builder.bind(pattern)
        }
    }

    /// The operands of a chain of one operator, in order (`(a or b) or c` → a, b, c).
    static func chain(_ filter: ResolvedQuery.Filter, and: Bool) -> [ResolvedQuery.Filter] {
        var operands: [ResolvedQuery.Filter] = []
        var pending = [filter]
        while let next = pending.popLast() {
            switch next {
            case .and(let a, let b) where and: pending += [b, a]
            case .or(let a, let b) where !and: pending += [b, a]
            default: operands.append(next)
            }
        }
        return operands
    }

    func formula(_ formula: ResolvedQuery.Formula, sources: [SourcePlan], builder: inout SQLBuilder) -> String {
        switch formula {
        case .metric(let index):
            let source = sources.firstIndex { $0.metrics.contains(index) } ?? 0
            return "s\(source).m\(index)"
        case .number(let value): return builder.bind(.number(value))
        case .negate(let inner): return "-(" + self.formula(inner, sources: sources, builder: &builder) + ")"
        case .binary(let op, let left, let right):
            let a = self.formula(left, sources: sources, builder: &builder)
            let b = self.formula(right, sources: sources, builder: &builder)
            if op == "/" { return "(CAST(\(a) AS REAL) / NULLIF(\(b), 0))" }
            return "(\(a) \(op) \(b))"
        }
    }
}
