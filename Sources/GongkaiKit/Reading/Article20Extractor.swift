/// Section 二: the article 20 tables. The template is told by the column headers (never by the year);
/// each item's region runs from its `第二十条第（X）项` heading to the next, and inside it each row label
/// the template prints is looked for and the values after it are read.
struct Article20Extractor {
    var stream: CellStream

    func detectTemplate() -> Template? {
        var score2019 = 0, score2021 = 0
        for cell in stream.cells where cell.value == nil {
            if TemplateCatalog.headerWords2021.contains(where: { cell.key.has($0) }) { score2021 += 1 }
            if TemplateCatalog.headerWords2019.contains(where: { cell.key.has($0) }) { score2019 += 1 }
        }
        if score2019 == 0, score2021 == 0 { return nil }
        return score2021 >= score2019 ? .y2021 : .y2019
    }

    /// Column headers one or two characters off the template's (`先行有效件数`): the values are read by
    /// the template's columns whatever the header says, but the typo is named.
    func headerTypos(_ template: Template) -> [ParseWarning] {
        let words = template == .y2021 ? TemplateCatalog.headerWords2021 : TemplateCatalog.headerWords2019
        var warnings: [ParseWarning] = []
        var seen = Set<String>()
        // Header words all end in 数/数量/金额: a cell with neither 数 nor 额 is no header, typo or not.
        for cell in stream.cells where cell.value == nil && cell.key.utf8.count <= 90 && (cell.key.has("数") || cell.key.has("额"))
            && !words.contains(where: { cell.key.has($0) }) {
            for word in words {
                if let written = NearLabel.stretch(of: word, in: cell.key), seen.insert(written).inserted {
                    warnings.append(NearLabel.warning(written: written, template: word, location: "二"))
                }
            }
        }
        return warnings
    }

    /// Index and numeral of every item heading.
    func itemHeadings() -> [(index: Int, numeral: String)] {
        var found: [(Int, String)] = []
        for (index, cell) in stream.cells.enumerated() {
            guard let start = cell.key.byteRange(of: "第二十条第(") else { continue }
            let rest = cell.key[start.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { continue }
            found.append((index, String(rest[..<close])))
        }
        return found
    }

    func extract(template: Template, warnings: inout [ParseWarning]) -> [Article20Cell] {
        let headings = itemHeadings()
        var cells: [Article20Cell] = []
        for item in TemplateCatalog.article20Items(template) {
            guard let position = headings.firstIndex(where: { $0.numeral == item.numeral }) else {
                warnings.append(ParseWarning(code: "missing_table", message: "\(item.item) table not found", location: "二"))
                continue
            }
            let start = headings[position].index + 1
            let end = position + 1 < headings.count ? headings[position + 1].index : stream.cells.count
            cells += extract(item: item, in: start..<end, warnings: &warnings)
        }
        return cells
    }

    func extract(item: TemplateCatalog.Article20Item, in region: Range<Int>, warnings: inout [ParseWarning]) -> [Article20Cell] {
        var found: [String: (content: String, values: [CellValue])] = [:]
        var extra: [(content: String, values: [CellValue])] = []
        var index = region.lowerBound
        while index < region.upperBound {
            let cell = stream.cells[index]
            if cell.value != nil { index += 1; continue }
            if let (row, spelling) = match(cell.key, in: item.rows) ?? nearMatch(index, in: item.rows, found: found, warnings: &warnings),
               found[row.content] == nil {
                let location = "二 / \(item.item) / \(spelling)"
                let read = stream.values(after: index, count: item.measures.count, location: location, warnings: &warnings)
                found[row.content] = (spelling, read.values)
                index = max(read.next, index + 1)
                continue
            }
            // A row the template does not print (local variants add some): kept, under its own label.
            if index + 1 < region.upperBound, stream.cells[index + 1].value?.number != nil, !isHeader(cell.key) {
                let label = withoutAnnotation(cell.text)
                let read = stream.values(after: index, count: item.measures.count, location: "二 / \(item.item) / \(label)", warnings: &warnings)
                extra.append((label, read.values))
                warnings.append(ParseWarning(code: "extra_row", message: "row “\(label)” is not in the template; kept as it is", location: "二 / \(item.item)"))
                index = max(read.next, index + 1)
                continue
            }
            index += 1
        }
        var result: [Article20Cell] = []
        for row in item.rows {
            guard let (content, values) = found[row.content] else {
                warnings.append(ParseWarning(code: "missing_row", message: "row \(row.content) not found", location: "二 / \(item.item)"))
                continue
            }
            result += cellsFor(item: item, content: content, values: values, warnings: &warnings)
        }
        for (content, values) in extra {
            result += cellsFor(item: item, content: content, values: values, warnings: &warnings)
        }
        return result
    }

    func cellsFor(item: TemplateCatalog.Article20Item, content: String, values: [CellValue], warnings: inout [ParseWarning]) -> [Article20Cell] {
        zip(item.measures, values).map { measure, value in
            ValueWarnings.check(value, location: "二 / \(item.item) / \(content) / \(measure)", warnings: &warnings)
            return Article20Cell(item: item.item, content: content, measure: measure, value: value)
        }
    }

    /// The row a label cell names, and the spelling used. A label may carry an annotation in brackets
    /// (`规章(设区的市…应提供相关数据)`) or its values run together (`规章000`).
    func match(_ key: String, in rows: [TemplateCatalog.Article20Row]) -> (TemplateCatalog.Article20Row, String)? {
        var best: (TemplateCatalog.Article20Row, String)?
        for row in rows {
            for spelling in row.spellings where key.hasPrefix(spelling) {
                let rest = key.dropFirst(spelling.count)
                guard rest.isEmpty || rest.first == "(" || rest.allSatisfy({ $0.isASCIIDigitish || $0 == "." }) else { continue }
                if best == nil || spelling.count > (best?.1.count ?? 0) { best = (row, spelling) }
            }
        }
        return best
    }

    /// A row label one or two characters off the template's (`NearLabel`), followed by a number.
    func nearMatch(_ index: Int, in rows: [TemplateCatalog.Article20Row], found: [String: (content: String, values: [CellValue])],
                   warnings: inout [ParseWarning]) -> (TemplateCatalog.Article20Row, String)? {
        let key = stream.cells[index].key
        guard index + 1 < stream.cells.count, stream.cells[index + 1].value?.number != nil, !isHeader(key) else { return nil }
        for row in rows where found[row.content] == nil {
            for spelling in row.spellings {
                guard let written = NearLabel.prefix(of: spelling, in: key) else { continue }
                let rest = key.dropFirst(spelling.count)
                guard rest.isEmpty || rest.first == "(" else { continue }
                warnings.append(NearLabel.warning(written: written, template: spelling, location: "二 / \(row.content)"))
                return (row, spelling)
            }
        }
        return nil
    }

    func isHeader(_ key: String) -> Bool {
        key.startsWith("信息内容") || key.has("数量") || key.has("件数") || key.has("增/减") || key.has("金额")
    }

    func withoutAnnotation(_ text: String) -> String {
        let folded = MatchKey.key(text)
        if let open = folded.firstIndex(of: "("), open != folded.startIndex { return String(folded[..<open]) }
        return folded
    }
}

/// Warnings for cells that are not numbers, shared by the three table extractors.
enum ValueWarnings {
    static func check(_ value: CellValue, location: String, warnings: inout [ParseWarning]) {
        switch value {
        case .number: return
        case .blank: warnings.append(ParseWarning(code: "empty_cell", message: "cell is empty", location: location))
        case .text(let text): warnings.append(ParseWarning(code: "not_a_number", message: "cell holds “\(text)”, not a number", location: location))
        case .missing: warnings.append(ParseWarning(code: "missing_cell", message: "cell not found", location: location))
        }
    }
}
