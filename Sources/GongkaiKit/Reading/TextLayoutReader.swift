/// Reads text into a `Document`, whatever table layout the text uses. The layouts seen in real reports:
///
/// - Word exported to text: a cell is a line that starts with a TAB, a blank line ends a row, and a label
///   wrapped inside its cell goes on in the next line without a TAB (even after a blank line:
///   `（三）不予` / `` / `公开`).
/// - `|`-separated rows, and Markdown tables (`| 规章 | 0 |`, with or without a `---` line).
/// - One cell per line, with `|` lines, ` |` line ends or blank lines between cells.
/// - Cells run together (`规章000`): kept as they are here; the template matcher splits them.
///
/// Lines are classified one by one; a TAB table or a pipe table stays open while its lines keep coming.
public struct TextLayoutReader {
    public init() {}

    public func read(_ text: String) -> Document {
        // Split on the byte with memchr: Character-level splitting (grapheme breaking), then the generic
        // `split` of the UTF-8 view, were the cost of this stage.
        let lines = FastText.lines(text)
        var builder = Builder()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            if line.utf8.first == 0x09 {
                builder.tabCells(line, line: number)
            } else if isBlank(line) {
                builder.blank()
            } else if line.has("|") {
                builder.pipeLine(line, line: number)
            } else if SectionSplitter.sectionNumber(String(line)) != nil {
                builder.paragraph(line, line: number)
            } else if builder.inTabTable, isShortLabel(line, limit: 12), nextContentLineIsTabCell(lines, after: index) {
                builder.continueLastCell(line)
            } else if builder.inPipeTable, isShortLabel(line, limit: 60), nextContentLineHasPipe(lines, after: index) {
                builder.singleCellRow(line, line: number)
            } else {
                builder.paragraph(line, line: number)
            }
            index += 1
        }
        return builder.finish()
    }

    func isBlank(_ line: Substring) -> Bool { line.unicodeScalars.allSatisfy { FastText.isSpace($0.value) } }

    /// A wrapped label is short and is not a sentence.
    func isShortLabel(_ line: Substring, limit: Int) -> Bool {
        let trimmed = line.trimmingSpaces
        return trimmed.count <= limit && !trimmed.has("。")
    }

    func nextContentLineIsTabCell(_ lines: [Substring], after index: Int) -> Bool {
        var next = index + 1
        while next < lines.count, isBlank(lines[next]) { next += 1 }
        return next < lines.count && lines[next].utf8.first == 0x09
    }

    func nextContentLineHasPipe(_ lines: [Substring], after index: Int) -> Bool {
        var next = index + 1
        while next < lines.count, isBlank(lines[next]) { next += 1 }
        return next < lines.count && lines[next].has("|")
    }
}

extension TextLayoutReader {
    /// Collects blocks, keeping at most one table open.
    struct Builder {
        enum OpenTable { case none, tab, pipe }
        var blocks: [Block] = []
        var open: OpenTable = .none
        var rows: [[String]] = []
        var row: [String] = []
        var tableLine = 0

        var inTabTable: Bool { open == .tab }
        var inPipeTable: Bool { open == .pipe }

        mutating func tabCells(_ line: Substring, line number: Int) {
            if open != .tab { closeTable(); open = .tab; tableLine = number }
            // A line may hold several cells when a converter kept the TABs between them.
            for piece in line.utf8.dropFirst().split(separator: 0x09, omittingEmptySubsequences: false) {
                row.append(Substring(piece).trimmingSpaces)
            }
        }

        mutating func blank() {
            if open == .tab, !row.isEmpty { rows.append(row); row = [] }
        }

        mutating func continueLastCell(_ line: Substring) {
            if row.isEmpty, var last = rows.popLast() {
                if last.isEmpty { last.append("") }
                last[last.count - 1] += line.trimmingSpaces
                rows.append(last)
            } else if !row.isEmpty {
                row[row.count - 1] += line.trimmingSpaces
            }
        }

        mutating func pipeLine(_ line: Substring, line number: Int) {
            if open != .pipe { closeTable(); open = .pipe; tableLine = number }
            let trimmed = line.trimmingSpaces
            // A Markdown separator row: only pipes, dashes, colons and spaces.
            if trimmed.allSatisfy({ "|-:—".contains($0) || MatchKey.isSpace($0) }), trimmed.contains("-") { return }
            var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            if trimmed.startsWith("|"), !cells.isEmpty { cells.removeFirst() }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            if !cells.isEmpty { rows.append(cells) }
        }

        mutating func singleCellRow(_ line: Substring, line number: Int) {
            rows.append([line.trimmingSpaces])
        }

        mutating func paragraph(_ line: Substring, line number: Int) {
            closeTable()
            blocks.append(.paragraph(Paragraph(text: line.trimmingSpaces, line: number)))
        }

        mutating func closeTable() {
            if !row.isEmpty { rows.append(row); row = [] }
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows, line: tableLine))) }
            rows = []
            open = .none
        }

        mutating func finish() -> Document {
            closeTable()
            return Document(blocks: blocks)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces of any kind (U+3000, U+2002, NBSP included).
    var trimmingSpaces: String { FastText.trimmingSpaces(self) }
}
