/// One report per body and data year. Two files that give the same body (the same `body` key) and year
/// but different numbers — an original and its correction, a page and a .docx that disagree — must not
/// both be summed. One is kept by this rule, in order:
///
/// 1. the one with more table cells read as numbers (the more complete reading);
/// 2. the one with fewer reader warnings;
/// 3. the one whose file name says it is a correction (更正, 修订, 修改, 更新, corrected, revised) when
///    the other's does not;
/// 4. the file modified later;
/// 5. the one loaded later.
///
/// The other is left out with a note naming both files and the first values that differ, and a row in
/// `duplicate_report` that the `duplicate_report` audit rule turns into a finding — nothing disappears
/// unseen. `--keep-duplicates` loads both (the note then says that sums count both).
enum DuplicateReports {
    /// What decides between two versions, and what is compared.
    struct Version {
        var file: String
        var cellsRead: Int
        var warnings: Int
        /// Labelled values, in report order: `三 本年新收 总计` → `5`.
        var values: [(label: String, value: String)]
        /// The file's modification time (seconds), when it can be read.
        var modified: Double? = nil

        var namedAsCorrection: Bool {
            let name = (file.split(separator: "/").last.map(String.init) ?? file).lowercased()
            return ["更正", "修订", "修改", "更新", "勘误", "corrected", "revised", "correction"].contains { name.contains($0) }
        }
    }

    static func version(of report: Report) -> Version {
        var values: [(String, String)] = []
        if let total = report.activeTotal { values.append(("一 主动公开总数", NumberFormatting.plain(total.value))) }
        for channel in report.channels { values.append(("一 " + channel.channel + (channel.account.map { "“\($0)”" } ?? ""), NumberFormatting.plain(channel.items))) }
        for cell in report.article20 { values.append(("二 \(cell.item) \(cell.content) \(cell.measure)", cell.value.description)) }
        for cell in report.requests {
            values.append((requestLabel(stage: cell.stage.rawValue, outcome: cell.outcome, reason: cell.reason, applicant: cell.applicant), cell.value.description))
        }
        for cell in report.reviews { values.append(("四 \(cell.kind) \(cell.result)", cell.value.description)) }
        let cells = report.requests.map(\.value) + report.reviews.map(\.value) + report.article20.map(\.value)
        return Version(file: report.file, cellsRead: cells.filter { $0.number != nil }.count, warnings: report.warnings.count, values: values,
                       modified: FileBytes.modificationTime(report.file))
    }

    /// The version of a report already in the database.
    static func version(of id: Int64, file: String, in database: Database) throws -> Version {
        let key = DatabaseValue.integer(id)
        var values: [(String, String)] = []
        if let total = try database.scalar("SELECT active_total FROM report WHERE id = ?1", [key]), let value = total.double {
            values.append(("一 主动公开总数", NumberFormatting.plain(value)))
        }
        for row in try database.query("SELECT channel, account, items FROM active_channel WHERE report_id = ?1 ORDER BY rowid", [key]).rows {
            values.append(("一 " + (row[0].string ?? "") + (row[1].string.map { "“\($0)”" } ?? ""), NumberFormatting.plain(row[2].double ?? 0)))
        }
        for row in try database.query("SELECT item, content, measure, value, raw FROM article20 WHERE report_id = ?1 ORDER BY rowid", [key]).rows {
            values.append(("二 \(row[0]) \(row[1]) \(row[2])", cell(row[3], raw: row[4]).description))
        }
        for cell in try RequestRows.cells(ofReport: key, in: database) {
            values.append((requestLabel(stage: cell.stage, outcome: cell.outcome, reason: cell.reason, applicant: cell.applicant),
                           Self.cell(cell.count, raw: cell.raw).description))
        }
        for row in try database.query("SELECT kind, result, count, raw FROM review_litigation WHERE report_id = ?1 ORDER BY rowid", [key]).rows {
            values.append(("四 \(row[0]) \(row[1])", cell(row[2], raw: row[3]).description))
        }
        let cells = try database.scalar("""
            SELECT (SELECT count(count) FROM request WHERE report_id = ?1) + (SELECT count(count) FROM review_litigation WHERE report_id = ?1)
                 + (SELECT count(value) FROM article20 WHERE report_id = ?1)
            """, [key])?.double ?? 0
        let warnings = try database.scalar("SELECT count(*) FROM finding WHERE report_id = ?1 AND rule LIKE 'parse:%'", [key])?.double ?? 0
        return Version(file: file, cellsRead: Int(cells), warnings: Int(warnings), values: values, modified: FileBytes.modificationTime(file))
    }

    /// Whether `newer` (loaded after `older`) is kept, and why in words.
    static func prefer(_ newer: Version, over older: Version) -> (keepNewer: Bool, because: String) {
        if newer.cellsRead != older.cellsRead {
            return (newer.cellsRead > older.cellsRead, "more table cells read (\(max(newer.cellsRead, older.cellsRead)) against \(min(newer.cellsRead, older.cellsRead)))")
        }
        if newer.warnings != older.warnings {
            return (newer.warnings < older.warnings, "fewer reader warnings (\(min(newer.warnings, older.warnings)) against \(max(newer.warnings, older.warnings)))")
        }
        if newer.namedAsCorrection != older.namedAsCorrection {
            return (newer.namedAsCorrection, "as complete, and its file name says it is a correction")
        }
        if let a = newer.modified, let b = older.modified, a != b {
            return (a > b, "as complete, and its file is newer")
        }
        return (true, "as complete, and loaded later")
    }

    /// The first values that differ, each said with whose value is which — `label: kept 540, skipped 532`
    /// (`words`: what `first` and `second` are) — never a bare `540 → 532`, which reads as "corrected from
    /// 540 to 532" whichever file was which. `—` where one of them has no such value.
    static func differences(_ first: Version, _ second: Version, words: (String, String), limit: Int = 3) -> [String] {
        let other = Dictionary(second.values.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        func said(_ label: String, _ mine: String, _ theirs: String) -> String {
            "\(label): \(words.0) \(mine), \(words.1) \(theirs)"
        }
        var seen = Set<String>()
        var out: [String] = []
        for (label, value) in first.values where seen.insert(label).inserted {
            let theirs = other[label] ?? "—"
            if theirs != value { out.append(said(label, value, theirs)) }
            if out.count == limit { return out }
        }
        let mine = Set(first.values.map(\.label))
        for (label, value) in second.values where !mine.contains(label) && out.count < limit {
            out.append(said(label, "—", value))
        }
        return out
    }

    static func requestLabel(stage: String, outcome: String?, reason: String?, applicant: String) -> String {
        ["三", stage, outcome, reason, applicant].compactMap { $0 }.joined(separator: " ")
    }

    /// A cell as the database keeps it (the number, else `raw`: '' for an empty cell, the text of a
    /// non-number, NULL when it was not found), as the reader's `CellValue`, so both sides of a
    /// comparison are labelled by one `description`.
    static func cell(_ value: DatabaseValue, raw: DatabaseValue) -> CellValue {
        if let number = value.double { return .number(number) }
        guard let raw = raw.string else { return .missing }
        return raw.isEmpty ? .blank : .text(raw)
    }
}
