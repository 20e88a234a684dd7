/// Section 三 as stored: one `request_row` per row of the table (stage, outcome, reason) with the seven
/// applicant columns side by side, and `request` — one row per cell, as users and docs/schema.md know it —
/// a view that unfolds them.
///
/// Why wide: the table is 7 columns × 25 rows per report, 21 million cells for 100,000 reports. Stored a
/// cell per row, every check of the table's arithmetic (a row's 总计, a column's balance, the carry from
/// the year before) had to bring a row's or a column's cells together through SQLite's sorter — 6 s of
/// the audit's 7.5 s on 10,000 reports, 60 s on 100,000. Side by side they are one row's columns: the
/// rules become comparisons within a row, the questions read one 总计 column, and the database holds 7×
/// fewer rows (schema version 5).
public enum RequestRows {
    /// The applicant columns in the template's order (TemplateCatalog.applicants) with their column names.
    public static let columns: [(applicant: String, column: String)] = zip(TemplateCatalog.applicants, [
        "natural_person", "business", "research", "public_interest", "legal_service", "other", "total",
    ]).map { ($0, $1) }

    /// The bit of `cells` that says the reader met a row's cell in column `index`. A row holds all seven,
    /// except the row of a number merged over several rows of one outcome: that number's column only.
    static func bit(_ index: Int) -> Int { 1 << index }
    /// A cell's place among all cells, row by row then column by column: `rowid * 8 + column`.
    static func position(_ index: Int) -> String { "rowid * 8 + \(index)" }

    static let table = """
    CREATE TABLE IF NOT EXISTS request_row (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage = '本年新收' OR stage = '上年结转' OR stage = '办理结果' OR stage = '结转下年度'),
        outcome TEXT,
        reason TEXT,
        cells INTEGER NOT NULL,
        odd INTEGER NOT NULL,
        \(columns.map { "\($0.column) NUMERIC" }.joined(separator: ", ")),
        \(columns.map { "\($0.column)_raw TEXT" }.joined(separator: ", "))
    );
    CREATE INDEX IF NOT EXISTS request_row_report ON request_row(report_id, stage);
    """

    static let view = """
    CREATE VIEW IF NOT EXISTS request (report_id, stage, outcome, reason, applicant, count, raw) AS
    \(cells(from: "request_row"));
    """

    /// One row per cell the reader met, a branch per applicant column (SQLite skips a branch whose
    /// applicant a query's WHERE rules out, and pushes the rest of the WHERE into each branch).
    /// `extra`: more columns (given the column's index: `rowid * 8 + 3`, a cell's place in the table),
    /// before the cell's.
    static func cells(from table: String, extra: (Int) -> [String] = { _ in [] }, where condition: String? = nil) -> String {
        columns.enumerated().map { index, column in
            let selected = ["report_id", "stage", "outcome", "reason"] + extra(index)
                + ["'\(column.applicant)' AS applicant", "\(column.column) AS count", "\(column.column)_raw AS raw"]
            let test = ["cells & \(bit(index))"] + (condition.map { ["(\($0))"] } ?? [])
            return "SELECT \(selected.joined(separator: ", ")) FROM \(table) WHERE \(test.joined(separator: " AND "))"
        }.joined(separator: "\n    UNION ALL ")
    }

    /// The applicant columns as rows `(k, applicant)`, to unfold a table row into its cells in a query.
    static let applicantRows = "(SELECT column1 AS k, column2 AS applicant FROM (VALUES "
        + columns.enumerated().map { "(\($0.offset), '\($0.element.applicant)')" }.joined(separator: ", ") + "))"

    /// The cell of `row`'s table row in the applicant column numbered `k` (`applicantRows`), or its text.
    static func cell(_ row: String, column k: String, raw: Bool = false) -> String {
        "CASE \(k) " + columns.enumerated().map { "WHEN \($0.offset) THEN \(row).\($0.element.column)\(raw ? "_raw" : "")" }.joined(separator: " ") + " END"
    }

    /// `INSERT INTO request_row` with every column, as `?1 …`.
    static let insert: String = {
        let names = ["report_id", "stage", "outcome", "reason", "cells", "odd"] + columns.map(\.column) + columns.map { $0.column + "_raw" }
        return "INSERT INTO request_row (\(names.joined(separator: ", "))) VALUES (\(names.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))"
    }()

    /// A report's cells gathered into table rows, in the order the rows were met. A cell whose column its
    /// row already holds starts another row of the same labels (never seen from the reader; kept, not lost).
    struct Row: Equatable {
        var stage: String
        var outcome: String?
        var reason: String?
        var cells = 0
        /// The columns whose cell was met and is not a whole number ≥ 0 (`isWholeCount`).
        var odd = 0
        var values: [DatabaseValue] = Array(repeating: .null, count: RequestRows.columns.count)
        var raws: [DatabaseValue] = Array(repeating: .null, count: RequestRows.columns.count)
    }

    /// One cell as the long form has it.
    struct Cell {
        var stage: String
        var outcome: String?
        var reason: String?
        var applicant: String
        var count: DatabaseValue
        var raw: DatabaseValue
    }

    /// Cells as (stage, outcome, reason, applicant, count, raw) → rows. An applicant that is not a column
    /// (none is: the reader writes only the template's) would have no home: it is refused by the caller.
    /// Labels are compared as bytes: Swift's `==` and hashing of Chinese strings normalise them first,
    /// which made this a tenth of the inserting thread's time.
    static func rows(of cells: [Cell]) -> [Row]? {
        var rows: [Row] = []
        for cell in cells {
            guard let column = columns.firstIndex(where: { same($0.applicant, cell.applicant) }) else { return nil }
            // The latest row of these labels, if it has no cell in this column yet; else a new row.
            var position = rows.lastIndex { same($0.stage, cell.stage) && same($0.outcome, cell.outcome) && same($0.reason, cell.reason) }
            if let index = position, rows[index].cells & bit(column) != 0 { position = nil }
            let index = position ?? rows.count
            if position == nil { rows.append(Row(stage: cell.stage, outcome: cell.outcome, reason: cell.reason)) }
            rows[index].cells |= bit(column)
            if isWholeCount(cell.count) { rows[index].odd &= ~bit(column) } else { rows[index].odd |= bit(column) }
            rows[index].values[column] = cell.count
            rows[index].raws[column] = cell.raw
        }
        return rows
    }

    /// A cell as the audit's `cells` rule wants it: a whole number ≥ 0. The same test as the rule's SQL,
    /// `NOT (value IS NULL OR value < 0 OR value <> CAST(value AS INTEGER))`, on the value as stored (a
    /// test compares the two on every kind of value); `odd` marks the others, so the rule unfolds only
    /// the table rows holding one (99 % of rows hold none).
    static func isWholeCount(_ value: DatabaseValue) -> Bool {
        switch value {
        case .integer(let number): return number >= 0
        case .real(let number): return number >= 0 && number < 9.2e18 && number == number.rounded(.towardZero)
        default: return false
        }
    }

    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.utf8.elementsEqual(b.utf8)
    }

    static func parameters(_ row: Row, report: DatabaseValue) -> [DatabaseValue] {
        [report, .text(row.stage), .optional(row.outcome), .optional(row.reason), .integer(Int64(row.cells)), .integer(Int64(row.odd))] + row.values + row.raws
    }

    /// A report's cells in the order the reader met them: row by row, column by column.
    static func cells(ofReport id: DatabaseValue, in database: Database) throws(DatabaseError) -> [Cell] {
        let names = columns.map(\.column) + columns.map { $0.column + "_raw" }
        var cells: [Cell] = []
        for row in try database.query("SELECT stage, outcome, reason, cells, \(names.joined(separator: ", ")) FROM request_row WHERE report_id = ?1 ORDER BY rowid", [id]).rows {
            let present = Int(row[3].double ?? 0)
            for (index, column) in columns.enumerated() where present & bit(index) != 0 {
                cells.append(Cell(stage: row[0].string ?? "", outcome: row[1].string, reason: row[2].string, applicant: column.applicant,
                                  count: row[4 + index], raw: row[4 + columns.count + index]))
            }
        }
        return cells
    }

    /// A version-4 database's long `request` table → `request_row`, report by report in the order the
    /// cells were inserted (the loader's order), then the view in its place.
    static func migrateLongTable(_ database: Database) throws {
        try database.execute(table)
        if try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'request' AND type = 'table'")?.double == 1 {
            let insert = try database.prepare(Self.insert)
            var pending: [Cell] = []
            var current: DatabaseValue = .null
            func flush() throws {
                guard !pending.isEmpty else { return }
                guard let rows = rows(of: pending) else { throw StoreError(message: "a request cell of an applicant column the template does not have") }
                for row in rows { try insert.run(parameters(row, report: current)) }
                pending = []
            }
            let cells = try database.prepare("SELECT report_id, stage, outcome, reason, applicant, count, raw FROM request ORDER BY report_id, rowid")
            _ = try cells.forEachRow { row in
                if row[0] != current { try flush(); current = row[0] }
                pending.append(Cell(stage: row[1].string ?? "", outcome: row[2].string, reason: row[3].string, applicant: row[4].string ?? "", count: row[5], raw: row[6]))
            }
            try flush()
            try database.execute("DROP TABLE request")
        }
        try database.execute(view)
    }
}
