/// `ResolvedQuery` → SQL. Each source of metrics (a fact table) is aggregated on its own in a CTE
/// `s0`, `s1`, … grouped by the dimensions; the CTEs are then joined on the dimensions (through the
/// union of their keys, so a group present in one source only still shows). Formulas between metrics
/// are computed on the joined row; division yields NULL rather than failing on 0.
///
/// How metrics read their tables:
/// - request metrics read each table row's 总计 column (`request_row`) unless `applicant` is a dimension or
///   filtered (then the applicant columns of the `request` view, 总计 excluded); `handled` by `outcome`
///   reads each outcome row;
/// - `active` by (or filtered by) channel/account sums the exact channel counts; otherwise it sums each
///   report's stated total, falling back to the sum of its channel counts where no total is stated;
/// - metrics of one template only (`fees`, `procurement`, …) are NULL for the other template's reports.
public struct SQLCompiler {
    /// Metrics read from per-report totals share one pass over the reports (`onePass`); off only in the
    /// test that holds the answers of the two ways equal.
    var onePassOverReports = true

    public init() {}

    public func compile(_ query: ResolvedQuery) -> CompiledStatement {
        guard let pivot = query.pivot else {
            var builder = SQLBuilder()
            let sql: String
            if let totalLabel = query.total {
                sql = withTotals(query, label: totalLabel, builder: &builder)
            } else if let rankLabel = query.rank {
                sql = withRank(query, label: rankLabel, builder: &builder)
            } else {
                sql = select(query, groupings: query.groupings, builder: &builder, ordered: true)
            }
            return .query(CompiledQuery(sql: sql, values: builder.values, percentColumns: Self.percentOutputs(query)))
        }
        var baseBuilder = SQLBuilder()
        var base = select(query, groupings: query.groupings + [pivot], builder: &baseBuilder, ordered: false,
                          sharePartition: [query.groupings.count] + (query.groupings.count >= 2 ? [0] : []))
        if let totalLabel = query.total {
            // The total row's numbers per pivot value: the same metrics grouped by the pivot alone.
            let totals = select(query, groupings: [pivot], builder: &baseBuilder, ordered: false, sharePartition: [0])
            let names = (query.groupings.map(\.name) + [pivot.name] + query.outputs.map(\.name)).map(SQLBuilder.quote)
            let label = baseBuilder.bind(.text(totalLabel))
            let totalColumns = query.groupings.indices.map { $0 == 0 ? label : "NULL" } + ([pivot.name] + query.outputs.map(\.name)).map(SQLBuilder.quote)
            base = "SELECT 0 AS gongkai_part, \(names.joined(separator: ", ")) FROM (\(base)) UNION ALL SELECT 1, \(totalColumns.joined(separator: ", ")) FROM (\(totals))"
        }
        let materialize = CompiledQuery(sql: "CREATE TEMP TABLE \(PivotPlan.tableName) AS \(base)",
                                        values: baseBuilder.values)
        let valuesSQL = "SELECT DISTINCT \(SQLBuilder.quote(pivot.name)) FROM \(PivotPlan.table) ORDER BY "
            + Self.sortKey(SQLBuilder.quote(pivot.name), pivot)
        return .pivot(PivotPlan(materialize: materialize, valuesQuery: CompiledQuery(sql: valuesSQL, values: [])) { pivotValues throws(QueryError) in
            try self.pivoted(query, pivot: pivot, pivotValues: pivotValues)
        })
    }

    /// Outputs shown as percentages: a share (`share(M)`), or one count of a table over another of the
    /// same table (予以公开 / 申请, 复议纠正 / 复议) — not `requests / reports` (an average) nor
    /// `active / requests`.
    static func percentOutputs(_ query: ResolvedQuery) -> [String] {
        query.outputs.filter { output in
            if output.formula.isShare { return true }
            if case .metric(let index) = output.formula, query.metrics[index].percent { return true }
            guard case .binary("/", .metric(let a), .metric(let b)) = output.formula else { return false }
            return query.metrics[a].source == query.metrics[b].source && query.metrics[a].source != .report
        }.map(\.name)
    }

    /// The rows, then (`with subtotals`) a subtotal row after each value of the first dimension, then the
    /// total row: each the same metrics aggregated over the reports of its rows — not a sum of the rows
    /// shown, so ratios, shares and report counts are right in them too.
    func withTotals(_ query: ResolvedQuery, label: String, builder: inout SQLBuilder) -> String {
        let names = (query.groupings.map(\.name) + query.outputs.map(\.name)).map(SQLBuilder.quote)
        let outputs = query.outputs.map { SQLBuilder.quote($0.name) }
        var parts = ["SELECT 0 AS gongkai_part, 0 AS gongkai_sub, \(names.joined(separator: ", ")) FROM (\(select(query, groupings: query.groupings, builder: &builder, ordered: false)))"]
        if let subtotal = query.subtotals, let first = query.groupings.first {
            let rows = select(query, groupings: [first], builder: &builder, ordered: false)
            let subtotalLabel = builder.bind(.text(subtotal))
            let columns = [SQLBuilder.quote(first.name)] + query.groupings.indices.dropFirst().map { $0 == 1 ? subtotalLabel : "NULL" } + outputs
            parts.append("SELECT 0, 1, \(columns.joined(separator: ", ")) FROM (\(rows))")
        }
        let total = select(query, groupings: [], builder: &builder, ordered: false)
        let totalLabel = builder.bind(.text(label))
        let columns = query.groupings.indices.map { $0 == 0 ? totalLabel : "NULL" } + outputs
        parts.append("SELECT 1, 0, \(columns.joined(separator: ", ")) FROM (\(total))")
        var order = ["gongkai_part"] + orderItems(query, groupings: query.groupings)
        if query.subtotals != nil { order.insert("gongkai_sub", at: 2) }
        return "SELECT \(names.joined(separator: ", ")) FROM (\(parts.joined(separator: " UNION ALL "))) ORDER BY \(order.joined(separator: ", "))"
    }

    /// A rank column first: by the order asked, else by the first metric, largest first (ties share a rank).
    func withRank(_ query: ResolvedQuery, label: String, builder: inout SQLBuilder) -> String {
        let names = (query.groupings.map(\.name) + query.outputs.map(\.name)).map(SQLBuilder.quote)
        let rankOrder = query.order.isEmpty
            ? (query.outputs.first.map { SQLBuilder.quote($0.name) + " DESC" } ?? "1")
            : query.order.map { SQLBuilder.quote($0.column) + ($0.descending ? " DESC" : "") }.joined(separator: ", ")
        let rows = select(query, groupings: query.groupings, builder: &builder, ordered: false)
        var sql = "SELECT rank() OVER (ORDER BY \(rankOrder)) AS \(SQLBuilder.quote(label)), \(names.joined(separator: ", ")) FROM (\(rows))"
        sql += " ORDER BY " + ([SQLBuilder.quote(label)] + query.groupings.map { Self.sortKey(SQLBuilder.quote($0.name), $0) }).joined(separator: ", ")
        if let top = query.top {
            sql = "SELECT * FROM (\(sql)) WHERE \(SQLBuilder.quote(label)) <= " + builder.bind(.integer(Int64(top)))
        }
        if let limit = query.limit { sql += " LIMIT " + builder.bind(.integer(Int64(limit))) }
        return sql
    }

    // MARK: Plain queries

    /// `sharePartition`: the groupings (by index) a `share(M)` is taken within; by default the first
    /// dimension's when there are two or more, else the whole result.
    func select(_ query: ResolvedQuery, groupings: [ResolvedQuery.Grouping], builder: inout SQLBuilder, ordered: Bool,
                sharePartition: [Int]? = nil) -> String {
        let sources = onePass(plan(query), query: query, groupings: groupings)
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
        var columns = groupings.enumerated().map { index, grouping in
            "\(Self.shown(keyColumn(index), grouping)) AS \(SQLBuilder.quote(grouping.name))"
        }
        let partitionKeys = (sharePartition ?? (groupings.count >= 2 ? [0] : [])).filter { $0 < groupings.count }.map(keyColumn)
        let partition = partitionKeys.isEmpty ? "" : "PARTITION BY " + partitionKeys.joined(separator: ", ")
        for output in query.outputs {
            columns.append(formula(output.formula, sources: sources, builder: &builder, partition: partition) + " AS " + SQLBuilder.quote(output.name))
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
                sql += " ORDER BY " + ([rankOrder] + groupings.map { Self.sortKey(SQLBuilder.quote($0.name), $0) }).joined(separator: ", ")
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
        let items = orderItems(query, groupings: groupings)
        return items.isEmpty ? "" : " ORDER BY " + items.joined(separator: ", ")
    }

    /// The order asked, then the dimensions not named in it.
    func orderItems(_ query: ResolvedQuery, groupings: [ResolvedQuery.Grouping]) -> [String] {
        query.order.map { key -> String in
            let grouping = groupings.first { $0.name == key.column }
            let direction = key.descending ? " DESC" : ""
            return grouping.map { Self.sortKey(SQLBuilder.quote($0.name), $0, direction) } ?? SQLBuilder.quote(key.column) + direction
        } + groupings.filter { grouping in !query.order.contains { $0.column == grouping.name } }.map { Self.sortKey(SQLBuilder.quote($0.name), $0) }
    }

    /// A dimension named in Chinese shows its stored values as the template prints them (`township` →
    /// 乡镇, `error` → 错误); the values are the catalogue's constants, never a value typed.
    static func shown(_ column: String, _ grouping: ResolvedQuery.Grouping) -> String {
        guard grouping.showsChinese else { return column }
        let cases = grouping.dimension.chineseValues.sorted { $0.key < $1.key }
            .map { "WHEN '\($0.key.replacing("'", with: "''"))' THEN '\($0.value.replacing("'", with: "''"))'" }.joined(separator: " ")
        return "CASE \(column) \(cases) ELSE \(column) END"
    }

    /// How a dimension's values sort: a closed list (channels, applicants, outcomes, levels) in the
    /// template's order (政府网站 before 微信公众号, 自然人 before 商业企业 — not code-point order), anything
    /// else as SQLite sorts it. The list is the catalogue's own constants, never a value typed.
    static func sortKey(_ column: String, _ grouping: ResolvedQuery.Grouping, _ direction: String = "") -> String {
        let dimension = grouping.dimension
        guard var values = dimension.values, !values.isEmpty else { return column + direction }
        if grouping.showsChinese { values = values.map { dimension.chineseValues[$0] ?? $0 } }
        let cases = values.enumerated().map { "WHEN '\($0.element.replacing("'", with: "''"))' THEN \($0.offset)" }.joined(separator: " ")
        return "CASE \(column) \(cases) ELSE \(values.count) END\(direction), \(column)\(direction)"
    }

    /// One source's metrics: which catalogue metrics, and how `active` is read.
    struct SourcePlan {
        var source: Catalog.Source
        var metrics: [Int]
        /// `active` read from the reports' stated totals rather than channel rows.
        var statedActive: Bool
        /// Set on the plan `onePass` makes: the tables whose per-report totals it reads beside the
        /// report's own columns, in one pass over the reports; and whether report metrics are among its
        /// metrics (then every report makes its group).
        var totalsOf: [Catalog.Source] = []
        var withReportMetrics = false
    }

    /// Whether a plan's metrics are read from `report_total` (one row per report) rather than its table's
    /// rows: by report dimensions, when every metric is a per-report total.
    func readsTotals(_ plan: SourcePlan, query: ResolvedQuery, groupings: [ResolvedQuery.Grouping]) -> Bool {
        rowsRead(plan, query: query, groupings: groupings) != nil && ReportTotals.sources.contains(plan.source)
            && plan.metrics.allSatisfy { ReportTotals.holds(query.metrics[$0]) }
    }

    /// The plans that read per-report totals, and the report's own metrics, as one plan: one pass over
    /// the reports for all of them (`requests, reviews, active, penalties by county, year` read the
    /// reports four times, then joined the four results on the groups). The answers are the same: a
    /// table's metric is NULL in a group none of whose reports has rows of the table, as when its group
    /// was missing from a pass of its own, and the groups are the reports' (with report metrics) or those
    /// with rows of one of the tables.
    func onePass(_ plans: [SourcePlan], query: ResolvedQuery, groupings: [ResolvedQuery.Grouping]) -> [SourcePlan] {
        let totals = plans.indices.filter { readsTotals(plans[$0], query: query, groupings: groupings) }
        let report = plans.indices.filter { plans[$0].source == .report }
        guard onePassOverReports, !totals.isEmpty, totals.count + report.count >= 2 else { return plans }
        let joined = Set(totals + report)
        var merged = SourcePlan(source: .report, metrics: joined.sorted().flatMap { plans[$0].metrics },
                                statedActive: report.contains { plans[$0].statedActive })
        merged.totalsOf = totals.map { plans[$0].source }
        merged.withReportMetrics = !report.isEmpty
        var result = plans.indices.filter { !joined.contains($0) }.map { plans[$0] }
        result.insert(merged, at: 0)
        return result
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
        if !plan.totalsOf.isEmpty { return onePassAggregate(plan, query: query, groupings: groupings, builder: &builder) }
        var columns = groupings.enumerated().map { "\($0.element.dimension.grouped) AS d\($0.offset)" }
        let facts = query.factDimensions
        let rows = rowsRead(plan, query: query, groupings: groupings)
        // By report dimensions, metrics that are per-report totals are read from those (one row per report).
        let fromTotals = readsTotals(plan, query: query, groupings: groupings)
        for index in plan.metrics {
            let metric = query.metrics[index]
            columns.append((fromTotals ? totalAggregate(metric) : metricAggregate(metric, plan: plan, facts: facts)) + " AS m\(index)")
        }
        var sql = "SELECT " + columns.joined(separator: ", ") + " FROM report r"
        var wheres: [String] = []
        if fromTotals {
            // Every report with rows of the table makes its group, as reading the rows did.
            sql += " JOIN report_total t ON t.report_id = r.id"
            wheres.append("t.\(ReportTotals.presence(plan.source)) = 1")
        } else if let table = Catalog.table(plan.source, applicantColumns: facts.contains("applicant")) {
            if let rows {
                // Only the rows the metrics read join the report (an index finds them: `request_total`),
                // so the grouping sorts one row per report and metric instead of every cell. Every report
                // that has rows of the table still makes its group, as the plain join did.
                sql += " LEFT JOIN \(table) f ON f.report_id = r.id AND (\(rows))"
                wheres.append("EXISTS (SELECT 1 FROM \(table) e WHERE e.report_id = r.id)")
            } else {
                sql += " JOIN \(table) f ON f.report_id = r.id"
            }
        }
        // Grouping by a fact column keeps only the rows that column describes: the applicant columns
        // without 总计, the outcome rows without （七）总计.
        let grouped = Set(groupings.map(\.dimension.name))
        if plan.source == .request, grouped.contains("applicant") { wheres.append("f.applicant <> '总计'") }
        if plan.source == .request, grouped.contains("outcome") { wheres.append("f.stage = '办理结果' AND f.outcome <> '总计'") }
        // By reason: the reason rows of the metrics' outcomes (not 不予处理's reasons under 不予公开), and
        // the `handled` total over every reason row.
        if plan.source == .request, grouped.contains("reason") {
            let outcomes = plan.metrics.compactMap { query.metrics[$0].name == "handled" ? "f.stage = '办理结果' AND f.outcome <> '总计'" : query.metrics[$0].condition }
            wheres.append("f.reason IS NOT NULL AND (" + outcomes.map { "(\($0))" }.joined(separator: " OR ") + ")")
        }
        if let filter = query.filter { wheres.append(condition(filter, builder: &builder)) }
        if !wheres.isEmpty { sql += " WHERE " + wheres.joined(separator: " AND ") }
        if !groupings.isEmpty { sql += " GROUP BY " + groupings.indices.map { "d\($0)" }.joined(separator: ", ") }
        return sql
    }

    /// The plan `onePass` made: each table's metrics summed over the reports that have rows of the table
    /// (NULL in a group with none), the report metrics over every report.
    func onePassAggregate(_ plan: SourcePlan, query: ResolvedQuery, groupings: [ResolvedQuery.Grouping], builder: inout SQLBuilder) -> String {
        var columns = groupings.enumerated().map { "\($0.element.dimension.grouped) AS d\($0.offset)" }
        for index in plan.metrics {
            let metric = query.metrics[index]
            if plan.totalsOf.contains(metric.source), ReportTotals.holds(metric) {
                // Over no report (none in the group has rows of the table) the sum is NULL.
                columns.append(totalAggregate(metric, where: "t.\(ReportTotals.presence(metric.source)) = 1") + " AS m\(index)")
            } else {
                columns.append(metricAggregate(metric, plan: plan, facts: []) + " AS m\(index)")
            }
        }
        var sql = "SELECT " + columns.joined(separator: ", ") + " FROM report r LEFT JOIN report_total t ON t.report_id = r.id"
        if let filter = query.filter { sql += " WHERE " + condition(filter, builder: &builder) }
        if !groupings.isEmpty {
            sql += " GROUP BY " + groupings.indices.map { "d\($0)" }.joined(separator: ", ")
            if !plan.withReportMetrics {
                // The groups of the tables' passes: reports with rows of one of them.
                let present = plan.totalsOf.map { "t.\(ReportTotals.presence($0)) = 1" }.joined(separator: " OR ")
                sql += " HAVING count(*) FILTER (WHERE \(present)) > 0"
            }
        }
        return sql
    }

    /// The rows of its table a source's metrics read, as one condition — when every metric says which
    /// (no whole-table aggregate such as `count`), the groups are of report dimensions only (a fact
    /// dimension's groups come from the rows themselves) and the query filters on no fact column.
    func rowsRead(_ plan: SourcePlan, query: ResolvedQuery, groupings: [ResolvedQuery.Grouping]) -> String? {
        guard groupings.allSatisfy({ $0.dimension.source == nil }), query.factDimensions.isEmpty else { return nil }
        var conditions: [String] = []
        for index in plan.metrics {
            let metric = query.metrics[index]
            guard metric.aggregate == nil, !(metric.name == "active" && plan.statedActive),
                  let condition = metricConditions(metric, facts: []).filter({ !$0.hasPrefix("r.") }).nilIfEmpty else { return nil }
            conditions.append("(" + condition.joined(separator: " AND ") + ")")
        }
        return conditions.isEmpty ? nil : conditions.joined(separator: " OR ")
    }

    /// A metric summed over its reports' totals (`report_total`), for the reports of its template.
    func totalAggregate(_ metric: Catalog.Metric, where present: String? = nil) -> String {
        let conditions = (present.map { [$0] } ?? []) + metricConditions(metric, facts: []).filter { $0.hasPrefix("r.") }
        return "sum(t.\(ReportTotals.column(metric)))" + (conditions.isEmpty ? "" : " FILTER (WHERE " + conditions.joined(separator: " AND ") + ")")
    }

    func metricAggregate(_ metric: Catalog.Metric, plan: SourcePlan, facts: Set<String>) -> String {
        if metric.name == "active", plan.statedActive {
            return "sum(coalesce(r.active_total, (SELECT sum(c.items) FROM active_channel c WHERE c.report_id = r.id AND c.approximate = 0)))"
        }
        if let aggregate = metric.aggregate { return aggregate }
        let conditions = metricConditions(metric, facts: facts)
        let filter = conditions.isEmpty ? "" : " FILTER (WHERE " + conditions.joined(separator: " AND ") + ")"
        return "sum(\(Catalog.summed(metric, applicantColumns: facts.contains("applicant"))))" + filter
    }

    /// What a metric sums: its own condition, the 总计 column or the applicant columns, its template.
    func metricConditions(_ metric: Catalog.Metric, facts: Set<String>) -> [String] {
        var conditions: [String] = []
        if var condition = metric.condition {
            if metric.name == "handled", facts.contains("outcome") || facts.contains("reason") {
                condition = "f.stage = '办理结果' AND f.outcome <> '总计'"
            }
            conditions.append(condition)
        }
        // By applicant, the applicant columns (总计 left out); else each table row's 总计 column (`requestTotal`).
        if metric.source == .request, facts.contains("applicant") { conditions.append("f.applicant <> '总计'") }
        if let template = metric.template { conditions.append("r.template = '\(template.rawValue)'") }
        return conditions
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

    func formula(_ formula: ResolvedQuery.Formula, sources: [SourcePlan], builder: inout SQLBuilder, partition: String = "") -> String {
        switch formula {
        case .metric(let index):
            let source = sources.firstIndex { $0.metrics.contains(index) } ?? 0
            return "s\(source).m\(index)"
        case .number(let value): return builder.bind(.number(value))
        case .negate(let inner): return "-(" + self.formula(inner, sources: sources, builder: &builder, partition: partition) + ")"
        case .share(let inner):
            let value = self.formula(inner, sources: sources, builder: &builder, partition: partition)
            return "(CAST(\(value) AS REAL) / NULLIF(sum(\(value)) OVER (\(partition)), 0))"
        case .binary(let op, let left, let right):
            let a = self.formula(left, sources: sources, builder: &builder, partition: partition)
            let b = self.formula(right, sources: sources, builder: &builder, partition: partition)
            if op == "/" { return "(CAST(\(a) AS REAL) / NULLIF(\(b), 0))" }
            return "(\(a) \(op) \(b))"
        }
    }
}

extension Array {
    /// nil for an empty array.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
