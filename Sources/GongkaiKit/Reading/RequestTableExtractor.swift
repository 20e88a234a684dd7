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
        var merges = MergedValues()
        for (rowIndex, row) in rows.enumerated() {
            guard let index = find(row, from: position) ?? findNear(row, from: position, later: rows[(rowIndex + 1)...], warnings: &warnings) else {
                missingRows.append(row.label)
                continue
            }
            let location = "三 / \(row.label)"
            var read = stream.valuesWithSpans(after: index, count: applicants.count, location: location, warnings: &warnings)
            for (column, applicant) in applicants.enumerated() {
                merges.note(&read.values[column], span: read.spans[column], row: row, column: column)
                ValueWarnings.check(read.values[column], location: "\(location) / \(applicant)", warnings: &warnings)
                result.append(RequestCell(stage: row.stage, outcome: row.outcome, reason: row.reason, applicant: applicant, value: read.values[column]))
            }
            position = max(read.next, index + 1)
        }
        result += merges.groupCells(applicants: applicants, warnings: &warnings)
        if !missingRows.isEmpty {
            let shown = missingRows.prefix(4).joined(separator: "、") + (missingRows.count > 4 ? " …" : "")
            warnings.append(ParseWarning(code: "missing_row", message: "\(missingRows.count) row(s) not found: \(shown)", location: "三"))
        }
        return result
    }

    /// A row whose label is one or two characters off the template's (`NearLabel`): the first label cell
    /// followed by a value, before any later row's label, that nearly contains the row's word.
    func findNear(_ row: TemplateCatalog.RequestRow, from start: Int, later: ArraySlice<TemplateCatalog.RequestRow>, warnings: inout [ParseWarning]) -> Int? {
        guard !row.exact else { return nil }
        var index = start
        while index + 1 < stream.cells.count {
            let cell = stream.cells[index]
            if cell.value == nil {
                if later.contains(where: { !$0.exact && cell.key.has($0.keyword) }) { return nil }
                if stream.cells[index + 1].value != nil, let written = NearLabel.stretch(of: row.keyword, in: cell.key) {
                    warnings.append(NearLabel.warning(written: written, template: row.keyword, location: "三 / \(row.label)"))
                    return index
                }
            }
            index += 1
        }
        return nil
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

/// Values merged over several rows of section 三. 0 merged over rows is 0 in each. Another number cannot
/// be split between its rows: they are left empty, and when the rows are sub-rows of one outcome (the
/// three （六）其他处理 rows of 2021) the number is kept on that outcome as a whole (reason NULL) — what
/// the 2019 template's single 其他处理 row holds — with a `merged_cell` warning either way.
struct MergedValues {
    struct Merge {
        var outcome: String?
        var stage: RequestStage
        var value: Double
        var rows: [String]
        var sameOutcome = true
    }

    var open: [Int: Merge] = [:]
    var done: [(column: Int, merge: Merge)] = []

    mutating func note(_ value: inout CellValue, span: Table.RowSpan, row: TemplateCatalog.RequestRow, column: Int) {
        switch span {
        case .none:
            if let merge = open.removeValue(forKey: column) { done.append((column, merge)) }
        case .first:
            if let merge = open.removeValue(forKey: column) { done.append((column, merge)) }
            guard case .number(let number) = value, number != 0 else { return }
            open[column] = Merge(outcome: row.outcome, stage: row.stage, value: number, rows: [row.label])
            value = .missing
        case .continued:
            guard var merge = open[column] else { return }
            merge.rows.append(row.label)
            if merge.outcome != row.outcome || merge.stage != row.stage { merge.sameOutcome = false }
            open[column] = merge
            value = .missing
        }
    }

    mutating func groupCells(applicants: [String], warnings: inout [ParseWarning]) -> [RequestCell] {
        done += open.map { ($0.key, $0.value) }
        open = [:]
        var cells: [RequestCell] = []
        for (column, merge) in done.sorted(by: { $0.column < $1.column }) {
            let value = NumberFormatting.plain(merge.value)
            let applicant = applicants[column]
            if merge.sameOutcome, let outcome = merge.outcome, merge.stage == .handled {
                cells.append(RequestCell(stage: merge.stage, outcome: outcome, reason: nil, applicant: applicant, value: .number(merge.value)))
                warnings.append(ParseWarning(code: "merged_cell", message: "\(value) is one cell merged over \(merge.rows.count) rows of \(outcome); kept on \(outcome) as a whole, its rows left empty", location: "三 / \(outcome) / \(applicant)"))
            } else {
                warnings.append(ParseWarning(code: "merged_cell", message: "\(value) is one cell merged over rows \(merge.rows.joined(separator: "、")); it cannot be split between them, so they are left empty", location: "三 / \(applicant)"))
            }
        }
        return cells
    }
}
