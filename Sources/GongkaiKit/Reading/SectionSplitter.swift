/// Finds the six sections by their headings. Numbering and wording vary (`一、总体情况`,
/// `一、工作基本情况`, `## 二、主动公开政府信息情况`, leading ideographic spaces), so a heading is a
/// short paragraph that starts with the section's numeral and carries one of the section's words.
/// Section 三's own row labels (`一、本年新收…`, `二、上年结转…`) start with numerals too; the words
/// keep them out, and sections must come in order.
struct SectionSplitter {
    struct Section {
        var number: Int
        var heading: String
        var line: Int
        var blocks: [Block]
    }

    struct Result {
        var preamble: [Block]
        var sections: [Section]
        func section(_ number: Int) -> Section? { sections.first { $0.number == number } }
    }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6]

    func split(_ document: Document) -> Result {
        var preamble: [Block] = []
        var sections: [Section] = []
        for block in document.blocks {
            if case .paragraph(let paragraph) = block,
               let number = Self.sectionNumber(paragraph.text), number > (sections.last?.number ?? 0) {
                sections.append(Section(number: number, heading: paragraph.text, line: paragraph.line, blocks: []))
                continue
            }
            if sections.isEmpty {
                preamble.append(block)
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return Result(preamble: preamble, sections: sections)
    }

    /// The section a heading line opens, or nil when the line is not a section heading.
    static func sectionNumber(_ text: String) -> Int? {
        // Cheap test first: every line of a report passes here.
        guard let first = text.unicodeScalars.first(where: { !FastText.isSpace($0.value) }),
              "一二三四五六#".unicodeScalars.contains(first) else { return nil }
        var key = MatchKey.key(text)
        while key.first == "#" { key.removeFirst() }
        guard key.count <= 40, let first = key.first, let number = numerals[first] else { return nil }
        let rest = key.dropFirst()
        guard let separator = rest.first, "、.,:".contains(separator) else { return nil }
        let words = rest.dropFirst()
        guard !words.has("。") else { return nil }
        switch number {
        case 1: return words.has("本年新收") || words.has("主动公开政府信息情况") ? nil : 1
        case 2: return words.has("主动公开") ? 2 : nil
        case 3: return words.has("申请") && !words.has("上年结转") ? 3 : nil
        case 4: return words.has("复议") || words.has("诉讼") ? 4 : nil
        case 5: return words.has("问题") || words.has("改进") || words.has("不足") ? 5 : nil
        case 6: return words.has("其他") || words.has("其它") || words.has("事项") ? 6 : nil
        default: return nil
        }
    }
}

extension Block {
    /// The block's text: a paragraph as it is, a table row by row with ` | ` between cells.
    var plainText: String {
        switch self {
        case .paragraph(let paragraph): return paragraph.text
        case .table(let table):
            // Text layouts have no merged cells and no line breaks in cells: the cheap way (every
            // report's narrative goes through here).
            if table.covered.isEmpty, !table.rows.contains(where: { $0.contains { $0.utf8.contains(0x0A) } }) {
                return table.rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
            }
            // Merged cells once, as the table reads; a cell's own line breaks dropped.
            return table.rowsInOrder.filter { !$0.isEmpty }
                .map { $0.map { $0.replacing("\n", with: "") }.joined(separator: " | ") }.joined(separator: "\n")
        }
    }
}
