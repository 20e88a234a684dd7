/// `pivot DIM`: the pivot dimension's values become columns (in order), with change columns between
/// consecutive ones (absolute `Δ`, and `%` relative to the earlier one). SQLite 3.40 has no PIVOT, so
/// each value's column is a `FILTER (WHERE …)` aggregate over the grouped base query, kept in
/// `PivotPlan.table` while the pivot runs.
extension SQLCompiler {
    func pivoted(_ query: ResolvedQuery, pivot: ResolvedQuery.Grouping, pivotValues: [DatabaseValue]) throws(QueryError) -> CompiledQuery {
        var builder = SQLBuilder()
        let keys = query.groupings.map { SQLBuilder.quote($0.name) }
        let single = query.outputs.count == 1
        func label(_ output: ResolvedQuery.Output, _ value: DatabaseValue) -> String {
            single ? CellFormatting.text(value) : "\(output.name) \(CellFormatting.text(value))"
        }
        // With a total row the base holds it as part 1: grouped apart and ordered last.
        let parts = query.total != nil
        var inner = (parts ? ["gongkai_part"] : []) + keys
        for output in query.outputs {
            for value in pivotValues {
                let test = SQLBuilder.quote(pivot.name) + " IS " + builder.bind(value)
                inner.append("max(\(SQLBuilder.quote(output.name))) FILTER (WHERE \(test)) AS \(SQLBuilder.quote(label(output, value)))")
            }
        }
        var columns = query.groupings.map(\.name) + query.outputs.flatMap { output in pivotValues.map { label(output, $0) } }
        var outer = columns.map(SQLBuilder.quote)
        // Change columns only between values that come in an order (years): `Δ今日头条→公示栏` means nothing.
        let ordered = pivot.dimension.type == .integer && !query.pivotWithoutChanges
        for output in query.outputs where ordered {
            for (earlier, later) in zip(pivotValues, pivotValues.dropFirst()) {
                let a = SQLBuilder.quote(label(output, earlier)), b = SQLBuilder.quote(label(output, later))
                let span = "\(CellFormatting.text(earlier))→\(CellFormatting.text(later))"
                let prefix = single ? "" : "\(output.name) "
                outer.append("(\(b) - \(a)) AS " + SQLBuilder.quote("\(prefix)Δ\(span)"))
                outer.append("round(100.0 * (\(b) - \(a)) / NULLIF(\(a), 0), 1) AS " + SQLBuilder.quote("\(prefix)%\(span)"))
                columns += ["\(prefix)Δ\(span)", "\(prefix)%\(span)"]
            }
        }
        var sql = "SELECT " + outer.joined(separator: ", ") + " FROM (SELECT " + inner.joined(separator: ", ") + " FROM " + PivotPlan.table
        let groupKeys = (parts ? ["gongkai_part"] : []) + keys
        if !groupKeys.isEmpty { sql += " GROUP BY " + groupKeys.joined(separator: ", ") }
        sql += ")"
        for key in query.order where !key.resolved {
            guard columns.contains(key.column) else {
                throw QueryError("cannot order by “\(key.column)”: it is not a column of this pivot", at: key.range,
                                 hints: ["the columns are " + columns.map { "“\($0)”" }.joined(separator: ", "),
                                         "a pivoted column is named by its value: order by 2023 desc, or quoted: order by \"Δ2022→2023\""])
            }
        }
        let items = (parts ? ["gongkai_part"] : []) + orderItems(query, groupings: query.groupings)
        if !items.isEmpty { sql += " ORDER BY " + items.joined(separator: ", ") }
        if let limit = query.limit { sql += " LIMIT " + builder.bind(.integer(Int64(limit))) }
        // Percentages: the value columns of a share or a ratio, and their Δ (in percentage points).
        let percent = Set(Self.percentOutputs(query))
        let percentColumns = query.outputs.filter { percent.contains($0.name) }.flatMap { output in
            pivotValues.map { label(output, $0) } + (ordered ? zip(pivotValues, pivotValues.dropFirst()).map { earlier, later in
                (single ? "" : "\(output.name) ") + "Δ\(CellFormatting.text(earlier))→\(CellFormatting.text(later))"
            } : [])
        }
        return CompiledQuery(sql: sql, values: builder.values, percentColumns: percentColumns)
    }
}
