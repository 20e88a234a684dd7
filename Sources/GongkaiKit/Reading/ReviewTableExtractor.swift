/// Section 四: one row of fifteen counts under a two-level header (行政复议 | 行政诉讼 › 未经复议直接起诉 |
/// 复议后起诉, each › 结果维持 结果纠正 其他结果 尚未审结 总计). The values are the fifteen cells after the
/// last header cell.
struct ReviewTableExtractor {
    var stream: CellStream

    static let headerWords: Set<String> = Set(TemplateCatalog.reviewKinds + TemplateCatalog.reviewResults + ["行政诉讼"])

    func extract(warnings: inout [ParseWarning]) -> [ReviewCell] {
        guard let lastHeader = headerBeforeFifteenValues() ?? stream.cells.lastIndex(where: { cell in
            Self.headerWords.contains(cell.key) || cell.key.endsWith("总计") && cell.key.has("结果")
                || (cell.key.startsWith("总计") && CellStream.trailingDigits(cell.key) != nil)
        }) else {
            warnings.append(ParseWarning(code: "missing_table", message: "section 四 review and litigation table not found", location: "四"))
            return []
        }
        let count = TemplateCatalog.reviewKinds.count * TemplateCatalog.reviewResults.count
        var read = stream.values(after: lastHeader, count: count, location: "四", warnings: &warnings)
        // Fifteen one-digit counts run together into one cell: fifteen digits can only be that.
        let next = lastHeader + 1
        if next < stream.cells.count, stream.cells[next].key.count == count, stream.cells[next].key.allSatisfy(\.isASCIIDigitish),
           read.values.dropFirst().allSatisfy({ $0 == .missing }) {
            read.values = stream.cells[next].key.compactMap { CellText.number(String($0)).map(CellValue.number) }
        }
        if read.values.allSatisfy({ $0 == .missing }) {
            warnings.append(ParseWarning(code: "missing_cell", message: "section 四 has its header but no values", location: "四"))
            return []
        }
        var result: [ReviewCell] = []
        var values = read.values.makeIterator()
        for kind in TemplateCatalog.reviewKinds {
            for outcome in TemplateCatalog.reviewResults {
                let value = values.next() ?? .missing
                ValueWarnings.check(value, location: "四 / \(kind) / \(outcome)", warnings: &warnings)
                result.append(ReviewCell(kind: kind, result: outcome, value: value))
            }
        }
        return result
    }

    /// The header cell right before a run of fifteen values: found first, because a header whose words
    /// wrapped inside narrow cells (a PDF: `结果` over `维持`) may have no cell that is exactly a header
    /// word, or one that is not the last.
    func headerBeforeFifteenValues() -> Int? {
        let count = TemplateCatalog.reviewKinds.count * TemplateCatalog.reviewResults.count
        let cells = stream.cells
        guard cells.count > count else { return nil }
        for index in stride(from: cells.count - count - 1, through: 0, by: -1) {
            let key = cells[index].key
            guard cells[index].value == nil, ["复议", "诉讼", "起诉", "审结", "总计", "结果"].contains(where: { key.has($0) }) else { continue }
            if cells[(index + 1)...(index + count)].allSatisfy({ $0.value != nil }) { return index }
        }
        return nil
    }
}
