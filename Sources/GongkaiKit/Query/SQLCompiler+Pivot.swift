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
        var inner = keys
        for output in query.outputs {
            for value in pivotValues {
                let test = SQLBuilder.quote(pivot.name) + " IS " + builder.bind(value)
                inner.append("max(\(SQLBuilder.quote(output.name))) FILTER (WHERE \(test)) AS \(SQLBuilder.quote(label(output, value)))")
            }
        }
        var columns = query.groupings.map(\.name) + query.outputs.flatMap { output in pivotValues.map { label(output, $0) } }
        var outer = ["*"]
        // Change columns only between values that come in an order (years): `Δ今日头条→公示栏` means nothing.
        let ordered = pivot.dimension.type == .integer
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
        if !keys.isEmpty { sql += " GROUP BY " + keys.joined(separator: ", ") }
        sql += ")"
        for key in query.order where !key.resolved {
            guard columns.contains(key.column) else {
                throw QueryError("cannot order by “\(key.column)”: it is not a column of this pivot", at: key.range,
                                 hints: ["the columns are " + columns.map { "“\($0)”" }.joined(separator: ", "),
                                         "a pivoted column is named by its value: order by 2023 desc, or quoted: order by \"Δ2022→2023\""])
            }
        }
        sql += orderClause(query, groupings: query.groupings)
        if let limit = query.limit { sql += " LIMIT " + builder.bind(.integer(Int64(limit))) }
        return CompiledQuery(sql: sql, values: builder.values)
    }
}
