/// `pdftotext -layout` text → `Document`. The page comes as lines in which runs of spaces stand for
/// the gaps between table columns; a table cell's text that wrapped inside its cell continues on the
/// lines below, at the same column. So:
///
/// - page furniture goes first: page numbers (`- 3 -`, `第3页 共5页`, `3/5`) and a header line that
///   repeats at the top of every page;
/// - a line with two or more cells of which one is a value opens a table row; lines of fragments that
///   follow (no value, short) are the row's wrapped labels and join the cell above them by column;
/// - lines before a table's first value row are its header, joined column by column the same way;
/// - a table broken by a page goes on across the form feed: furniture is dropped, nothing else ends it;
/// - everything else is prose, whose wrapped lines are joined back into paragraphs (a line that
///   reaches the right margin and does not end a sentence continues on the next).
///
/// pdftotext also puts a space between Chinese and Latin letters or digits (`2019 年`), where
/// the text had none; inside a cell or a line those single spaces are taken out.
struct PDFLayoutReader {
    struct Segment {
        var text: String
        var start: Int
        var end: Int
    }

    struct Line {
        var text: String
        var number: Int
        var segments: [Segment]
    }

    /// `title` is the PDF's own Title property: Word writes the document's title there, and a page
    /// printed to PDF its <title>; it stands in when the text has no title line.
    func read(_ raw: String, title: String? = nil) -> Document {
        let lines = Self.contentLines(TextNormalizer.normalize(raw))
        var builder = Builder(proseWidth: Self.proseWidth(lines))
        for line in lines { builder.add(line) }
        builder.flushAll()
        let hasTitle = builder.blocks.prefix(6).contains { block in
            if case .paragraph(let paragraph) = block { return ReportContent.isTitle(paragraph.text) }
            return false
        }
        return Document(blocks: hasTitle ? builder.blocks : ReportContent.withTitle(builder.blocks, pageTitle: title))
    }

    // MARK: Lines and page furniture

    /// The lines of every page, furniture dropped, blank lines kept (as empty segment lists).
    static func contentLines(_ text: String) -> [Line] {
        var pages: [[Line]] = [[]]
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(rawLine)
            while let feed = line.firstIndex(of: "\u{0C}") {
                let before = line[..<feed]
                if !before.isEmpty { pages[pages.count - 1].append(Line(text: String(before), number: number, segments: segments(before))) }
                pages.append([])
                line = line[line.index(after: feed)...]
            }
            pages[pages.count - 1].append(Line(text: String(line), number: number, segments: segments(line)))
        }
        pages = pages.map(dropPageNumbers)
        let repeated = repeatedHeader(pages)
        return pages.flatMap { page -> [Line] in
            guard let repeated, let first = page.firstIndex(where: { !$0.segments.isEmpty }),
                  page[first].text.trimmingSpaces == repeated else { return page }
            var page = page
            page.remove(at: first)
            return page
        }
    }

    static func dropPageNumbers(_ page: [Line]) -> [Line] {
        var page = page
        if let first = page.firstIndex(where: { !$0.segments.isEmpty }), isPageNumber(page[first].text) { page.remove(at: first) }
        if let last = page.lastIndex(where: { !$0.segments.isEmpty }), isPageNumber(page[last].text) { page.remove(at: last) }
        return page
    }

    /// `3`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 5 页`, `3/5`, `Page 3 of 5`.
    static func isPageNumber(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 14 else { return false }
        let stripped = compact.filter { !"-—–第页共/Pageof".contains($0) }
        return !stripped.isEmpty && stripped.allSatisfy(\.isASCIIDigitish) && compact.count - stripped.count <= 8
            && (compact.count > stripped.count || stripped.count <= 3)
    }

    /// A line that opens two or more pages the same way is a running header, unless it is the report's
    /// own text (a heading).
    static func repeatedHeader(_ pages: [[Line]]) -> String? {
        guard pages.count >= 3 else { return nil }
        var counts: [String: Int] = [:]
        for page in pages {
            if let first = page.first(where: { !$0.segments.isEmpty }) { counts[first.text.trimmingSpaces, default: 0] += 1 }
        }
        guard let (text, count) = counts.max(by: { $0.value < $1.value }), count >= 2, count * 2 >= pages.count - 1,
              SectionSplitter.sectionNumber(text) == nil else { return nil }
        return text
    }

    /// A line cut at runs of two or more spaces; columns counted in characters.
    static func segments(_ line: Substring) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var start = 0
        var spaces = 0
        var column = 0
        for character in line {
            if character == " " || character == "\u{3000}" || character == "\t" {
                spaces += 1
            } else {
                if spaces >= 2, !current.isEmpty {
                    segments.append(Segment(text: current, start: start, end: column - spaces))
                    current = ""
                }
                if current.isEmpty { start = column } else if spaces == 1 { current.append(" ") }
                current.append(character)
                spaces = 0
            }
            column += 1
        }
        if !current.isEmpty { segments.append(Segment(text: current, start: start, end: column - spaces)) }
        // pdftotext starts each piece at its column on a grid as wide as a Latin letter; a Chinese
        // character covers two of them, so a piece ends at its start plus its display width.
        return segments.map { Segment(text: $0.text, start: $0.start, end: $0.start + DisplayWidth.of($0.text)) }
    }

    /// Drops the single spaces pdftotext puts next to Chinese characters (`2019 年`) in prose: Chinese
    /// text has none; the spaces come from glyph positions.
    static func closeUp(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count {
                let before = characters[index - 1], after = characters[index + 1]
                if isCJK(before) || isCJK(after) { continue }
            }
            out.append(character)
        }
        return out
    }

    /// A value in a table line: `1.` and `2、` are the numbering of a label whose text wrapped to the next
    /// line (`（三）不予公开 1.` / `属于国家秘密`), not the value 1.
    static func isCellValue(_ text: String) -> Bool {
        if let last = text.last, ".、．".contains(last), text.dropLast().allSatisfy(\.isASCIIDigitish) { return false }
        return CellText.isValue(text)
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value) || (0x3000...0x303F).contains(value)
    }

    /// The width of a full line of prose: lines this long were wrapped by the page, not ended.
    static func proseWidth(_ lines: [Line]) -> Int {
        let widths = lines.compactMap { line -> Int? in
            guard line.segments.count == 1, let segment = line.segments.first, segment.text.count > 16 else { return nil }
            return segment.end
        }.sorted()
        guard !widths.isEmpty else { return 0 }
        return widths[widths.count * 95 / 100]
    }

    // MARK: Building blocks

    enum Kind { case blank, prose, heading, tableLine }

    struct Builder {
        let proseWidth: Int
        var blocks: [Block] = []
        var paragraph: (text: String, line: Int, end: Int)?
        /// Lines that may belong to a table, blank ones included, waiting for the run to end.
        var run: [Line] = []

        init(proseWidth: Int) { self.proseWidth = proseWidth }

        func kind(_ line: Line) -> Kind {
            let segments = line.segments
            guard let first = segments.first else { return .blank }
            let joined = PDFLayoutReader.closeUp(segments.map(\.text).joined(separator: " "))
            if SectionSplitter.sectionNumber(joined) != nil || joined.hasPrefix("第二十条") { return .heading }
            if segments.contains(where: { isCellValue($0.text) }) { return .tableLine }
            // Several pieces on a line without a value: a table's header or wrapped labels. (pdftotext
            // writes a line of prose as one piece.)
            if segments.count == 1, first.text.count > 16 || Builder.endsSentence(first.text) { return .prose }
            return .tableLine
        }

        mutating func add(_ line: Line) {
            switch kind(line) {
            case .blank, .tableLine:
                run.append(line)
            case .heading:
                endRun()
                flushParagraph()
                blocks.append(.paragraph(Paragraph(text: PDFLayoutReader.closeUp(line.segments.map(\.text).joined(separator: " ")), line: line.number)))
            case .prose:
                endRun()
                addProse(line)
            }
        }

        mutating func addProse(_ line: Line) {
            let text = PDFLayoutReader.closeUp(line.segments.map(\.text).joined(separator: " "))
            let end = line.segments.last?.end ?? 0
            // Characters are not all as wide (digits and Latin letters are narrower than Chinese), so a
            // line "reaches the margin" when it comes within 15 % of the widest.
            if let open = paragraph, open.end * 100 >= proseWidth * 85, !Self.endsSentence(open.text) {
                paragraph = (open.text + text, open.line, end)
            } else {
                flushParagraph()
                paragraph = (text, line.number, end)
            }
        }

        /// A run of table-like lines is a table when it holds a value; otherwise its lines are prose.
        mutating func endRun() {
            defer { run = [] }
            let lines = run.filter { !$0.segments.isEmpty }
            guard !lines.isEmpty else { return }
            guard lines.contains(where: Self.hasValue) else {
                for line in run {
                    if line.segments.isEmpty { flushParagraph() } else { addProse(line) }
                }
                return
            }
            flushParagraph()
            blocks.append(.table(Table(rows: Self.rows(run), line: lines[0].number)))
        }

        static func hasValue(_ line: Line) -> Bool { line.segments.contains { isCellValue($0.text) } }

        /// Rows from a table's lines. Where rows are set apart by blank lines (cells with padding),
        /// each band between blank lines is one row, whatever line its value line is on: labels
        /// centred in their cells wrap above and below it. Where they are not, a row is its value
        /// line and the fragment lines under it (labels aligned to the top of their cells), and the
        /// lines before the first value line are the header.
        static func rows(_ lines: [Line]) -> [[String]] {
            var bands: [[Line]] = [[]]
            for line in lines {
                if line.segments.isEmpty {
                    if !(bands.last?.isEmpty ?? true) { bands.append([]) }
                } else {
                    bands[bands.count - 1].append(line)
                }
            }
            bands.removeAll { $0.isEmpty }
            let banded = bands.count >= 2
            var rows: [[String]] = []
            for band in bands {
                let valueLines = band.indices.filter { hasValue(band[$0]) }
                if banded, valueLines.count <= 1 {
                    // A band that ends in a line of values alone, under two or more lines of labels, is
                    // a header with its values right below it (no padding between), not one row.
                    if let only = valueLines.first, only == band.count - 1, only >= 2,
                       band[only].segments.allSatisfy({ isCellValue($0.text) }) {
                        rows.append(cells(Array(band[..<only])))
                        rows.append(cells([band[only]]))
                    } else {
                        rows.append(cells(band))
                    }
                    continue
                }
                guard let first = valueLines.first else {
                    rows.append(cells(band))
                    continue
                }
                rows += splitAtValueLines(band, valueLines: valueLines, banded: banded)
            }
            return rows.filter { !$0.isEmpty }
        }

        /// A band with several value lines, split into rows. A row is its value line and the fragments
        /// under it (labels aligned to the top of their cells), but a piece that starts a numbered label
        /// (`1.属于国家秘密`, `（三）`) between two value lines belongs to the row below — the label was
        /// centred in a cell taller than its text — and so do the pieces under it in its column. Lines
        /// before the first value line are the header (in a banded table, the first row's top).
        static func splitAtValueLines(_ band: [Line], valueLines: [Int], banded: Bool) -> [[String]] {
            var rows = Array(repeating: [Line](), count: valueLines.count)
            var header: [Line] = []
            for (index, line) in band.enumerated() {
                guard let next = valueLines.firstIndex(where: { $0 >= index }) else {
                    rows[valueLines.count - 1].append(line)
                    continue
                }
                if valueLines[next] == index {
                    rows[next].append(line)
                    continue
                }
                // A fragment line before value line `next`: each piece goes up or down.
                let gapStart = next == 0 ? 0 : valueLines[next - 1] + 1
                var opened: [(start: Int, end: Int)] = []
                for earlier in band[gapStart..<index] {
                    for piece in earlier.segments where startsNumberedLabel(piece) || opened.contains(where: { overlaps($0, piece) }) {
                        opened.append((piece.start, piece.end))
                    }
                }
                var down = line, up = line
                down.segments = line.segments.filter { piece in startsNumberedLabel(piece) || opened.contains { overlaps($0, piece) } }
                up.segments = line.segments.filter { piece in !down.segments.contains { $0.start == piece.start } }
                if next == 0 {
                    if banded {
                        rows[0].append(line)
                    } else {
                        header.append(up)
                        if !down.segments.isEmpty { rows[0].append(down) }
                    }
                } else {
                    if !up.segments.isEmpty { rows[next - 1].append(up) }
                    if !down.segments.isEmpty { rows[next].append(down) }
                }
            }
            return (header.contains { !$0.segments.isEmpty } ? [cells(header)] : []) + rows.map(cells)
        }

        static func overlaps(_ range: (start: Int, end: Int), _ piece: Segment) -> Bool {
            min(range.end, piece.end) - max(range.start, piece.start) > 0
        }

        /// `1.`, `2、`, `（三）`, `一、` at the start of a piece.
        static func startsNumberedLabel(_ piece: Segment) -> Bool {
            let text = piece.text
            guard let first = text.first else { return false }
            if first.isASCIIDigitish {
                let rest = text.drop { $0.isASCIIDigitish }
                return rest.first.map { ".、．".contains($0) } ?? false
            }
            if first == "（" || first == "(" {
                let inner = text.dropFirst().prefix { "一二三四五六七八九十".contains($0) }
                return !inner.isEmpty && text.dropFirst(inner.count + 1).first.map { "）)".contains($0) } ?? false
            }
            let numeral = text.prefix { "一二三四五六七八九十".contains($0) }
            return !numeral.isEmpty && text.dropFirst(numeral.count).first == "、"
        }

        /// The cells of one row from its lines: label pieces that sit in the same columns (their
        /// spans overlap) are one cell, read top to bottom; each value is a cell of its own; cells
        /// from left to right.
        static func cells(_ lines: [Line]) -> [String] {
            struct Column { var text: String; var start: Int; var end: Int; var isValue: Bool; var line: Int }
            var columns: [Column] = []
            for line in lines {
                for segment in line.segments.flatMap(splitAtCJKSpaces) {
                    let isValue = isCellValue(segment.text)
                    // Pieces on different lines whose spans overlap are one cell; pieces of one line never.
                    // Overlapping by half the narrower piece: a label starting at the edge of another
                    // column's text is not its continuation.
                    if !isValue, let index = columns.firstIndex(where: {
                        let overlap = min($0.end, segment.end) - max($0.start, segment.start)
                        return !$0.isValue && $0.line != line.number && overlap * 2 >= min($0.end - $0.start, segment.end - segment.start) && overlap > 0
                    }) {
                        columns[index].text += segment.text
                        columns[index].start = min(columns[index].start, segment.start)
                        columns[index].end = max(columns[index].end, segment.end)
                        columns[index].line = line.number
                    } else {
                        columns.append(Column(text: segment.text, start: segment.start, end: segment.end, isValue: isValue, line: line.number))
                    }
                }
            }
            return columns.sorted { $0.start < $1.start }.map(\.text)
        }

        /// In a table, a single space next to a Chinese character is a gap between narrow columns
        /// (`结果 结果 其他 尚未`, `（三）不 1.属于国家秘密`): Chinese puts no spaces between words.
        static func splitAtCJKSpaces(_ segment: Segment) -> [Segment] {
            guard segment.text.contains(" ") else { return [segment] }
            var pieces: [Segment] = []
            var current = ""
            var start = segment.start
            var column = segment.start
            let characters = Array(segment.text)
            for (index, character) in characters.enumerated() {
                let width = character.unicodeScalars.first.map(DisplayWidth.of) ?? 1
                // `（三）不予公开 1.`: a label's numbering stays with the label (its text wrapped below).
                let numberingFollows = !isCellValue(String(characters[(index + 1)...])) && String(characters[(index + 1)...]).allSatisfy { $0.isASCIIDigitish || ".、．".contains($0) }
                if character == " ", index > 0, index + 1 < characters.count, isCJK(characters[index - 1]) || isCJK(characters[index + 1]), !numberingFollows {
                    pieces.append(Segment(text: current, start: start, end: column))
                    current = ""
                    start = column + 1
                } else {
                    current.append(character)
                }
                column += width
            }
            pieces.append(Segment(text: current, start: start, end: column))
            return pieces.filter { !$0.text.isEmpty }
        }

        static func endsSentence(_ text: String) -> Bool {
            guard let last = text.last else { return true }
            return "。：:；;！!？?".contains(last)
        }

        mutating func flushParagraph() {
            if let open = paragraph { blocks.append(.paragraph(Paragraph(text: open.text, line: open.line))) }
            paragraph = nil
        }

        mutating func flushAll() {
            endRun()
            flushParagraph()
        }
    }
}
