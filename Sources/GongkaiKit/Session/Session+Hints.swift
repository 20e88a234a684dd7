/// Hints when an answer is empty because a filter value matches nothing loaded (`where 乡镇 = 桃源`
/// while 桃源镇 is loaded): a note on stderr names the values that exist and are close — by prefix, by
/// the 镇/乡/街道/县/区/市 suffix, by edit distance. The answer stays empty; nothing is substituted.
extension Session {
    func emptyAnswerHints(_ query: QueryNode) -> [String] {
        guard let resolved = try? Resolver().resolve(query), let filter = resolved.filter else { return [] }
        var hints: [String] = []
        for (dimension, value) in Self.equalities(filter) where dimension.source == nil && dimension.type == .text && dimension.values == nil {
            guard let text = value.string, !valueExists(dimension, text) else { continue }
            let near = nearValues(dimension, text)
            let did = Suggestions.didYouMean(near).map { "; \($0)" } ?? ""
            hints.append("no \(dimension.name) (\(dimension.chinese)) = “\(text)” in the loaded reports\(did)")
        }
        return hints
    }

    /// The values a filter asks for with `=` or `in`, in its positive branches.
    static func equalities(_ filter: ResolvedQuery.Filter) -> [(Catalog.Dimension, DatabaseValue)] {
        switch filter {
        case .compare(let dimension, "=", let value): return [(dimension, value)]
        case .inList(let dimension, let values, negated: false): return values.map { (dimension, $0) }
        case .and(let a, let b), .or(let a, let b): return equalities(a) + equalities(b)
        default: return []
        }
    }

    func valueExists(_ dimension: Catalog.Dimension, _ value: String) -> Bool {
        let sql = "SELECT EXISTS (SELECT 1 FROM report r WHERE \(dimension.column) = ?1)"
        return (try? database.scalar(sql, [.text(value)]))??.double == 1
    }

    func nearValues(_ dimension: Catalog.Dimension, _ value: String) -> [String] {
        let sql = "SELECT DISTINCT \(dimension.column) FROM report r WHERE \(dimension.column) IS NOT NULL LIMIT 100000"
        guard let rows = try? database.query(sql).rows else { return [] }
        let names = rows.compactMap { $0.first?.string }
        let suffixed = ["镇", "乡", "街道", "县", "区", "市", "省"].map { value + $0 }.filter(names.contains)
        return Array((suffixed + Suggestions.nearest(value, among: names)).reduce(into: [String]()) { list, name in
            if !list.contains(name) { list.append(name) }
        }.prefix(3))
    }
}
