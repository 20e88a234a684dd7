/// The document model every source form is read into: paragraphs and tables in reading order, each with
/// the line it started on. Text layouts, HTML and Word all produce this; everything after it is shared.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]
    public init(blocks: [Block]) { self.blocks = blocks }

    /// The first paragraph's text, cut to 40 characters: to name a file by what it says.
    var firstLine: String? {
        for case .paragraph(let paragraph) in blocks where !paragraph.text.trimmingSpaces.isEmpty {
            let text = paragraph.text.trimmingSpaces
            return text.count > 40 ? String(text.prefix(40)) + "…" : text
        }
        return nil
    }
}

public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)

    public var line: Int {
        switch self {
        case .paragraph(let paragraph): return paragraph.line
        case .table(let table): return table.line
        }
    }
}

public struct Paragraph: Sendable, Equatable {
    public var text: String
    public var line: Int
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A table as a grid of cell texts, row by row. Layouts that put one cell per line give a one-column
/// grid; the template matcher reads cells in order, so it does not mind.
///
/// A merged cell (HTML colspan/rowspan, Word gridSpan/vMerge) is expanded: its text stands in every
/// position it covers so that columns line up, and the positions after its first are listed in
/// `covered`, so a reader walking cells in order meets the merged cell once.
public struct Table: Sendable, Equatable {
    public var rows: [[String]]
    public var line: Int
    public var covered: Set<GridPosition>
    /// The covered positions below a cell that spans rows, in its first column: a value cell merged over
    /// sub-rows (`rowspan=3` over the three （六）其他处理 rows) is met in each of them (`cellsForReading`).
    public var rowSpanned: Set<GridPosition>
    public init(rows: [[String]], line: Int, covered: Set<GridPosition> = [], rowSpanned: Set<GridPosition> = []) {
        self.rows = rows
        self.line = line
        self.covered = covered
        self.rowSpanned = rowSpanned
    }

    /// How a cell met in reading order stands to a merge over rows.
    public enum RowSpan: Sendable, Equatable {
        case none
        /// The first row of a cell that spans `rows` rows.
        case first(rows: Int)
        /// A later row of a cell that spans rows: the same cell met again.
        case continued
    }

    /// The cells in reading order for the template matchers: each merged cell once, except a *value* merged
    /// over rows, which is met in every row it spans (marked), so that the values of the rows below stay
    /// in their columns.
    public var cellsForReading: [(text: String, row: Int, span: RowSpan)] {
        guard !rowSpanned.isEmpty else { return cellsInOrder.map { ($0.text, $0.row, RowSpan.none) } }
        var cells: [(text: String, row: Int, span: RowSpan)] = []
        for (rowIndex, row) in rows.enumerated() {
            for (column, text) in row.enumerated() {
                let position = GridPosition(row: rowIndex, column: column)
                if !covered.contains(position) {
                    var height = 1
                    while rowSpanned.contains(GridPosition(row: rowIndex + height, column: column)) { height += 1 }
                    cells.append((text, rowIndex, height > 1 && CellText.isValue(text) ? .first(rows: height) : .none))
                } else if rowSpanned.contains(position), CellText.isValue(text) {
                    cells.append((text, rowIndex, .continued))
                }
            }
        }
        return cells
    }

    /// The cells in reading order, each merged cell once.
    public var cellsInOrder: [(text: String, row: Int)] {
        var cells: [(text: String, row: Int)] = []
        for (rowIndex, row) in rows.enumerated() {
            for (column, text) in row.enumerated() where covered.isEmpty || !covered.contains(GridPosition(row: rowIndex, column: column)) {
                cells.append((text, rowIndex))
            }
        }
        return cells
    }

    /// The rows as they read: each merged cell once, in the row it starts in.
    public var rowsInOrder: [[String]] {
        var lines = Array(repeating: [String](), count: rows.count)
        for cell in cellsInOrder { lines[cell.row].append(cell.text) }
        return lines
    }
}

public struct GridPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
