/// Section 三: the requests table, row by row in the template's order, seven applicant columns each.
/// Rows are looked for in order, so `其他` and `总计`, which also head columns, are found as rows only
/// once the walk is past the header.
struct RequestTableExtractor {
    var stream: CellStream

    /// The row set: 2021 splits （六）其他处理 into three rows. Told by those rows' own words.
    func detectRows(fallback: Template?) -> Template {
        if stream.cells.contains(where: { $0.key.has("逾期不补正") || $0.key.has("缴纳费用") }) { return .y2021 }
        if let index = stream.cells.firstIndex(where: { $0.key.startsWith("其他处理") }),
           index + 1 < stream.cells.count, stream.cells[index + 1].value != nil || CellStream.trailingDigits(stream.cells[index].key) != nil {
            return .y2019
        }
        return fallback ?? .y2021
    }

    func extract(template: Template?, warnings: inout [ParseWarning]) -> [RequestCell] {
        guard stream.cells.contains(where: { $0.key.has("本年新收") || $0.key.has("上年结转") }) else {
            warnings.append(ParseWarning(code: "missing_table", message: "section 三 requests table not found", location: "三"))
            return []
        }
        let rows = TemplateCatalog.requestRows(detectRows(fallback: template))
        let applicants = TemplateCatalog.applicants
        var result: [RequestCell] = []
        var position = 0
        var missingRows: [String] = []
        for row in rows {
            guard let index = find(row, from: position) else {
                missingRows.append(row.label)
                continue
            }
            let location = "三 / \(row.label)"
            let read = stream.values(after: index, count: applicants.count, location: location, warnings: &warnings)
            for (applicant, value) in zip(applicants, read.values) {
                ValueWarnings.check(value, location: "\(location) / \(applicant)", warnings: &warnings)
                result.append(RequestCell(stage: row.stage, outcome: row.outcome, reason: row.reason, applicant: applicant, value: value))
            }
            position = max(read.next, index + 1)
        }
        if !missingRows.isEmpty {
            let shown = missingRows.prefix(4).joined(separator: "、") + (missingRows.count > 4 ? " …" : "")
            warnings.append(ParseWarning(code: "missing_row", message: "\(missingRows.count) row(s) not found: \(shown)", location: "三"))
        }
        return result
    }

    func find(_ row: TemplateCatalog.RequestRow, from start: Int) -> Int? {
        var index = start
        while index < stream.cells.count {
            let key = stream.cells[index].key
            if stream.cells[index].value == nil {
                if row.exact {
                    if key == row.keyword { return index }
                    if key.hasPrefix(row.keyword), let digits = CellStream.trailingDigits(key),
                       key.count == row.keyword.count + digits.count { return index }
                } else if key.has(row.keyword) {
                    return index
                }
            }
            index += 1
        }
        return nil
    }
}
