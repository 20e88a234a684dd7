/// The document model every source form is read into: paragraphs and tables in reading order, each with
/// the line it started on. Text layouts, HTML and Word all produce this; everything after it is shared.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]
    public init(blocks: [Block]) { self.blocks = blocks }
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
public struct Table: Sendable, Equatable {
    public var rows: [[String]]
    public var line: Int
    public init(rows: [[String]], line: Int) {
        self.rows = rows
        self.line = line
    }
}
