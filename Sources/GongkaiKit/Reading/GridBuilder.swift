/// Lays out table rows whose cells span several columns or rows (HTML colspan/rowspan, Word
/// gridSpan/vMerge) on a rectangular grid, the way a browser does: each cell takes the first column
/// of its row not already taken by a cell from above.
struct GridBuilder {
    struct Cell {
        var text: String
        var columns: Int = 1
        var rows: Int = 1
    }

    /// Grid positions taken, row by row; `nil` where nothing has been placed yet.
    private var grid: [[String?]] = []
    private var covered: Set<GridPosition> = []
    /// Positions below the first row of a cell that spans rows, in the cell's first column.
    private var rowSpanned: Set<GridPosition> = []
    /// Spans are capped: a page that says colspan="1000" must not make a table of a million cells.
    static let largestSpan = 64

    private var rowsAdded = 0

    mutating func addRow(_ cells: [Cell]) {
        let row = rowsAdded
        rowsAdded += 1
        while grid.count <= row { grid.append([]) }
        var column = 0
        for cell in cells {
            while column < grid[row].count, grid[row][column] != nil { column += 1 }
            let width = min(max(cell.columns, 1), Self.largestSpan)
            let height = min(max(cell.rows, 1), Self.largestSpan)
            for dy in 0..<height {
                while grid.count <= row + dy { grid.append([]) }
                for dx in 0..<width {
                    place(cell.text, row: row + dy, column: column + dx)
                    if dx > 0 || dy > 0 { covered.insert(GridPosition(row: row + dy, column: column + dx)) }
                    if dy > 0, dx == 0 { rowSpanned.insert(GridPosition(row: row + dy, column: column)) }
                }
            }
            column += width
        }
    }

    private mutating func place(_ text: String, row: Int, column: Int) {
        while grid[row].count <= column { grid[row].append(nil) }
        grid[row][column] = text
    }

    /// The table: rows a rowspan reached past the last written row are dropped (browsers clip them
    /// too), holes become empty cells, and trailing holes are trimmed.
    func table(line: Int) -> Table {
        let rows = grid.prefix(rowsAdded).map { row -> [String] in
            var count = row.count
            while count > 0, row[count - 1] == nil { count -= 1 }
            return row.prefix(count).map { $0 ?? "" }
        }
        return Table(rows: Array(rows), line: line, covered: covered.filter { $0.row < rowsAdded },
                     rowSpanned: rowSpanned.filter { $0.row < rowsAdded })
    }
}
