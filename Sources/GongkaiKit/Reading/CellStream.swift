/// A section's table content as one sequence of cells in reading order, whatever the layout: table rows
/// flattened, one-cell-per-line paragraphs as cells. The template matchers walk this sequence looking
/// for the labels the template prints and read the values that follow each label.
struct CellStream {
    struct Cell {
        var text: String
        /// Folded, spaceless, unquoted text with any leading numbering (`一、`, `（三）`, `1.`) removed.
        var key: String
        var line: Int
        var value: CellValue?
        /// A value merged over rows is met in each of them (`Table.cellsForReading`).
        var span: Table.RowSpan = .none
    }

    var cells: [Cell]

    init(blocks: [Block]) {
        var cells: [Cell] = []
        func add(_ text: String, line: Int, span: Table.RowSpan = .none) {
            let value = CellText.value(text)
            // Only labels are searched by key; a short value cell needs none (long digit runs keep one,
            // for run-together rows).
            let key = value == nil || text.utf8.count > 9 ? Self.stripNumbering(MatchKey.key(text)) : ""
            cells.append(Cell(text: text, key: key, line: line, value: value, span: span))
        }
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                // `规章 0 0 6` on one line (a PDF or a plain-text export): a label, then values.
                let words = paragraph.text.split(whereSeparator: MatchKey.isSpace)
                if words.count >= 2, !CellText.isValue(words[0]), words.dropFirst().allSatisfy({ CellText.isValue($0) }) {
                    for word in words { add(String(word), line: paragraph.line) }
                } else {
                    add(paragraph.text, line: paragraph.line)
                }
            case .table(let table):
                for cell in table.cellsForReading { add(cell.text, line: table.line + cell.row, span: cell.span) }
            }
        }
        self.cells = cells
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `一、本年新收…` → `本年新收…`, `(三)不予公开` → `不予公开`, `1.属于国家秘密` → `属于国家秘密`.
    static func stripNumbering(_ key: String) -> String {
        // Most cells (every number, most labels) have no numbering: numbering is `(` first, or one or two
        // numerals (at most 6 bytes) then 、 . , or : — none of those in the first 9 bytes, nothing to do.
        let mayBeNumbered = FastText.withBytes(key) { bytes in
            guard let first = bytes.first else { return false }
            if first == 0x28 { return true }
            for index in 0..<min(bytes.count, 9) {
                switch bytes[index] {
                case 0x2E, 0x2C, 0x3A: return true
                case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81: return true  // 、
                default: continue
                }
            }
            return false
        }
        guard mayBeNumbered else { return key }
        var rest = Substring(key)
        if rest.first == "(", let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 3,
           rest[rest.index(after: rest.startIndex)..<close].allSatisfy({ chineseNumerals.contains($0) || $0.isASCIIDigitish }) {
            rest = rest[rest.index(after: close)...]
        } else {
            let numeral = rest.prefix { chineseNumerals.contains($0) || $0.isASCIIDigitish }
            if !numeral.isEmpty, numeral.count <= 2 {
                let after = rest[numeral.endIndex...]
                if let separator = after.first, "、.,:".contains(separator) {
                    rest = after.dropFirst()
                }
            }
        }
        return String(rest)
    }

    /// The digits a run-together cell ends with (`规章000` → `000`), or nil.
    static func trailingDigits(_ key: String) -> String? {
        let digits = key.reversed().prefix { $0.isASCIIDigitish || $0 == "." }
        guard !digits.isEmpty, digits.count < key.count else { return nil }
        return String(digits.reversed())
    }

    /// Reads the `count` values that follow the label at `index`. A row whose values were run together
    /// with its label (`规章000`) is split when the digit count makes the split certain.
    func values(after index: Int, count: Int, location: String, warnings: inout [ParseWarning]) -> (values: [CellValue], next: Int) {
        let read = valuesWithSpans(after: index, count: count, location: location, warnings: &warnings)
        var values = read.values
        for (column, span) in read.spans.enumerated() where span != .none {
            Self.resolveMerged(&values[column], span: span, location: location, column: column, warnings: &warnings)
        }
        return (values, read.next)
    }

    /// A value merged over several rows: 0 is 0 in each of them (nothing to split); any other number
    /// cannot be split between the rows, so each row gets none, with a `merged_cell` warning (once, on
    /// the first row) — never the number repeated in every row.
    static func resolveMerged(_ value: inout CellValue, span: Table.RowSpan, location: String, column: Int, warnings: inout [ParseWarning]) {
        guard case .number(let number) = value, number != 0 else { return }
        if case .first(let rows) = span {
            warnings.append(ParseWarning(code: "merged_cell", message: "\(NumberFormatting.plain(number)) is one cell merged over \(rows) rows; it cannot be split between them, so they are left empty", location: "\(location), column \(column + 1)"))
        }
        value = .missing
    }

    /// The values after a label, with how each stands to a merge over rows.
    func valuesWithSpans(after index: Int, count: Int, location: String, warnings: inout [ParseWarning]) -> (values: [CellValue], spans: [Table.RowSpan], next: Int) {
        var values: [CellValue] = []
        var spans: [Table.RowSpan] = []
        var next = index + 1
        while values.count < count, next < cells.count, let value = cells[next].value {
            values.append(value)
            spans.append(cells[next].span)
            next += 1
        }
        if values.isEmpty, let digits = Self.trailingDigits(cells[index].key) {
            if count == 1, let number = CellText.number(digits) {
                values = [.number(number)]
            } else if digits.count == count, digits.allSatisfy(\.isASCIIDigitish) {
                values = digits.compactMap { CellText.number(String($0)).map(CellValue.number) }
            } else {
                warnings.append(ParseWarning(
                    code: "run_together",
                    message: "values run together as “\(digits)” cannot be split into \(count) cells for certain",
                    location: "\(location), line \(cells[index].line)"))
            }
        }
        while values.count < count { values.append(.missing) }
        while spans.count < count { spans.append(.none) }
        return (values, spans, next)
    }
}

extension Character {
    var isASCIIDigitish: Bool { ("0"..."9").contains(self) }
}
