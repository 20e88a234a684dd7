/// Loads reports into the store: all reports of one load in one transaction, with one prepared statement
/// per table reused for every row. A file that cannot be read is reported and the others still load;
/// a file whose content was loaded before (same SHA-256) is not loaded twice, and the summary says so.
public final class Loader {
    public struct Summary: Sendable {
        public var loaded: [String] = []
        public var duplicates: [(file: String, sameAs: String)] = []
        /// The same report read from another form (same title, body, year and values, other bytes).
        public var sameReport: [(file: String, sameAs: String)] = []
        public var failures: [ReadError] = []
        public var warnings = 0

        /// What was skipped and why, one line each, for stderr.
        public var notes: [String] {
            duplicates.map { "\($0.file) has the same content as \($0.sameAs), loaded already; skipped" }
                + sameReport.map { "\($0.file) is the same report as \($0.sameAs) (same title, body, year and numbers, in another form); skipped" }
        }
    }

    let database: Database
    let insertReport: Statement
    let insertNarrative: Statement
    let insertChannel: Statement
    let insertNumber: Statement
    let insertArticle20: Statement
    let insertRequest: Statement
    let insertReview: Statement
    let insertFinding: Statement
    let findHash: Statement
    let findValues: Statement

    public init(database: Database) throws(DatabaseError) {
        self.database = database
        insertReport = try database.prepare("""
            INSERT INTO report (file, content_hash, encoding, title, agency, body, province, city, county, township, level, year, template, active_total, values_hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            """)
        insertNarrative = try database.prepare("INSERT INTO narrative (report_id, section, heading, body) VALUES (?1, ?2, ?3, ?4)")
        insertChannel = try database.prepare("INSERT INTO active_channel (report_id, channel, account, items, approximate, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        insertNumber = try database.prepare("INSERT INTO narrative_number (report_id, kind, value, approximate, evidence) VALUES (?1, ?2, ?3, ?4, ?5)")
        insertArticle20 = try database.prepare("INSERT INTO article20 (report_id, item, content, measure, value, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        insertRequest = try database.prepare("INSERT INTO request (report_id, stage, outcome, reason, applicant, count, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        insertReview = try database.prepare("INSERT INTO review_litigation (report_id, kind, result, count, raw) VALUES (?1, ?2, ?3, ?4, ?5)")
        insertFinding = try database.prepare("INSERT INTO finding (report_id, rule, severity, message, expected, actual, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        findHash = try database.prepare("SELECT file FROM report WHERE content_hash = ?1")
        findValues = try database.prepare("SELECT file FROM report WHERE values_hash = ?1")
    }

    /// Reads and loads files. Files are read and parsed on a background thread, a batch at a time, while
    /// this thread inserts the batch before (SQLite writes from one connection): parsing overlaps
    /// inserting. Reports are inserted in file order. `progress` is told (done, total).
    public func load(files: [String], progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        var summary = Summary()
        // Foreign-key checks off for the load's own inserts: every child row takes its report_id from the
        // report row inserted just before it, so the check (a lookup in `report` per row, 21 million for
        // 100,000 reports) can never fail here. The pragma cannot change inside a transaction: it is set
        // around it, and back on whatever happens.
        let foreignKeys = try database.scalar("PRAGMA foreign_keys")?.double == 1
        if foreignKeys { try database.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeys { try? database.execute("PRAGMA foreign_keys = ON") } }
        try database.transaction {
            var seen: [String: String] = [:]
            var seenValues: [String: String] = [:]
            var start = 0
            // Earlier loads can only hold a duplicate when there were earlier loads.
            let hadReports = try database.scalar("SELECT EXISTS (SELECT 1 FROM report)")?.double == 1
            /// The file that brought `key` first: in this load, else in an earlier one.
            func loadedBefore(_ key: String, _ seen: [String: String], _ find: Statement) throws -> String? {
                if let file = seen[key] { return file }
                return hadReports ? try find.rows([.text(key)]).first?.first?.string : nil
            }
            try ParallelReader.stream(files) { batch, results in
                progress?(start, files.count)
                for (file, outcome) in zip(batch, results) {
                    switch outcome {
                    case .failure(let error):
                        summary.failures.append(error)
                    case .success(let parsed):
                        if let earlier = try loadedBefore(parsed.hash, seen, findHash) {
                            summary.duplicates.append((file, earlier))
                            continue
                        }
                        seen[parsed.hash] = file
                        if let earlier = try loadedBefore(parsed.valuesKey, seenValues, findValues) {
                            summary.sameReport.append((file, earlier))
                            continue
                        }
                        seenValues[parsed.valuesKey] = file
                        try insert(parsed)
                        summary.loaded.append(file)
                        summary.warnings += parsed.report.warnings.count
                    }
                }
                start += batch.count
            }
            progress?(files.count, files.count)
        }
        return summary
    }

    /// Inserts one report and everything in it; returns its id. Parse warnings become `finding` rows.
    @discardableResult
    public func insert(_ report: Report, hash: String, encoding: String? = nil) throws(DatabaseError) -> Int64 {
        try insert(ParallelReader.Parsed(report: report, hash: hash, encoding: encoding, bodyKey: BodyName.key(report.agency),
                                         valuesKey: ValuesKey.of(report)))
    }

    /// Inserts a report as the reader thread handed it over, its keys worked out already.
    @discardableResult
    func insert(_ parsed: ParallelReader.Parsed) throws(DatabaseError) -> Int64 {
        let report = parsed.report
        try insertReport.run([
            .text(report.file), .text(parsed.hash), .optional(parsed.encoding), .optional(report.title), .optional(report.agency),
            .optional(parsed.bodyKey), .optional(report.province), .optional(report.city), .optional(report.county),
            .optional(report.township), .text(report.level.rawValue), report.year.map { .integer(Int64($0)) } ?? .null,
            .optional(report.template?.rawValue),
            .number(report.activeTotal.flatMap { $0.approximate ? nil : $0.value }),
            .text(parsed.valuesKey),
        ])
        let reportID = database.lastInsertRowID
        let id = DatabaseValue.integer(reportID)
        for section in report.narrative {
            try insertNarrative.run([id, .integer(Int64(section.section)), .text(section.heading), .text(section.body)])
        }
        for channel in report.channels {
            try insertChannel.run([id, .text(channel.channel), .optional(channel.account), .number(channel.items),
                                   .integer(channel.approximate ? 1 : 0), .text(channel.evidence)])
        }
        for number in report.proseNumbers {
            try insertNumber.run([id, .text(number.kind), .number(number.value), .integer(number.approximate ? 1 : 0), .text(number.evidence)])
        }
        for cell in report.article20 {
            try insertArticle20.run([id, .text(cell.item), .text(cell.content), .text(cell.measure), .number(cell.value.number), raw(cell.value)])
        }
        for cell in report.requests {
            try insertRequest.run([id, .text(cell.stage.rawValue), .optional(cell.outcome), .optional(cell.reason), .text(cell.applicant),
                                   .number(cell.value.number), raw(cell.value)])
        }
        for cell in report.reviews {
            try insertReview.run([id, .text(cell.kind), .text(cell.result), .number(cell.value.number), raw(cell.value)])
        }
        for warning in report.warnings {
            try insertFinding.run([id, .text("parse:\(warning.code)"), .text("warning"), .text(warning.message), .null, .null, .optional(warning.location)])
        }
        return reportID
    }

    /// The cell as written when it is not a number: '' for an empty cell, the text for `/` and the like,
    /// NULL for a number or a cell that was not found.
    func raw(_ value: CellValue) -> DatabaseValue {
        switch value {
        case .number, .missing: return .null
        case .blank: return .text("")
        case .text(let text): return .text(text)
        }
    }
}

/// The key that says two reports are of the same body across years: the agency without spaces and
/// without the 人民政府/政府/办事处 suffix (`羊亭镇人民政府` and `羊亭镇` are one body).
public enum BodyName {
    public static func key(_ agency: String?) -> String? {
        guard let agency else { return nil }
        var key = MatchKey.key(agency)
        for suffix in ["人民政府", "办事处", "政府"] where key.hasSuffix(suffix) && key.count > suffix.count + 1 {
            key.removeLast(suffix.count)
            break
        }
        return key.isEmpty ? nil : key
    }
}
