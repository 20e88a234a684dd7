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
        /// Files of a body and year already loaded from another file with other numbers (see
        /// `DuplicateReports`): which was left out, which kept, why, and what differs.
        public var otherVersions: [OtherVersion] = []
        /// Reports whose county was filled from the same body's other reports after the load.
        public var countiesFromSameBody = 0
        /// Reports of this load that name a township but no county: `where 区县 = …` leaves them out.
        public var withoutCounty = 0

        public struct OtherVersion: Sendable {
            public var skipped: String
            public var kept: String
            public var body: String
            public var year: Int
            public var because: String
            public var differences: [String]
            /// Both loaded (`--keep-duplicates`): sums count both.
            public var keptBoth: Bool
        }

        /// One line on what the load did with every file: loaded, not read, skipped (and why).
        public var line: String {
            var parts = ["loaded \(loaded.count) report(s)"]
            if !failures.isEmpty { parts.append("\(failures.count) file(s) not read") }
            let skipped = duplicates.count + sameReport.count + otherVersions.filter { !$0.keptBoth }.count
            if skipped > 0 { parts.append("\(skipped) skipped as copies or other versions of a loaded report") }
            let both = otherVersions.filter(\.keptBoth).count
            if both > 0 { parts.append("\(both) body and year loaded twice with different numbers") }
            return parts.joined(separator: ", ") + "; \(warnings) warning(s)"
        }

        /// What was skipped and why, one line each, for stderr.
        public var notes: [String] {
            duplicates.map { "\($0.file) has the same content as \($0.sameAs), loaded already; skipped" }
                + sameReport.map { "\($0.file) is the same report as \($0.sameAs) (same title, body, year and numbers, in another form); skipped" }
                + (withoutCounty == 0 ? [] : ["\(withoutCounty) report(s) name their township but no county that could be told (a name several places share, or one the gazetteer does not know); `where county = …` leaves them out — a gongkai.tsv manifest beside the files can say where they are (docs/places.md)"])
                + otherVersions.map { version in
                    let differs = version.differences.isEmpty ? " in its words (the numbers are the same)" : " (" + version.differences.joined(separator: "; ") + ")"
                    if version.keptBoth {
                        let why = version.because.isEmpty ? "--keep-duplicates" : version.because
                        return "\(version.skipped) and \(version.kept) may both be \(version.body)'s \(version.year) report, differing\(differs); both loaded (\(why)): sums count both"
                    }
                    return "\(version.skipped) and \(version.kept) are both \(version.body)'s \(version.year) report, differing\(differs); kept \(version.kept) (\(version.because)), skipped \(version.skipped) — `check duplicate_report` lists every such pair, --keep-duplicates loads both"
                }
        }
    }

    /// Load both files of a body and year that differ (`--keep-duplicates`), for comparing versions.
    public var keepDuplicates = false
    /// Asked between reports: true stops the load, which is rolled back.
    public var interrupted: @Sendable () -> Bool = { false }
    let places: PlaceResolver

    let database: Database
    let insertReport: Statement
    let insertNarrative: Statement
    let insertChannel: Statement
    let insertNumber: Statement
    let insertArticle20: Statement
    let insertRequest: Statement
    let insertReview: Statement
    let insertFinding: Statement
    let insertTotals: Statement
    let findHash: Statement
    let findValues: Statement

    public init(database: Database, places: PlaceResolver = PlaceResolver()) throws(DatabaseError) {
        self.database = database
        self.places = places
        insertReport = try database.prepare("""
            INSERT INTO report (file, content_hash, encoding, title, agency, body, province, city, county, township, level, year, template, active_total, values_hash,
                                province_source, city_source, county_source, township_source)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
            """)
        insertNarrative = try database.prepare("INSERT INTO narrative (report_id, section, heading, body) VALUES (?1, ?2, ?3, ?4)")
        insertChannel = try database.prepare("INSERT INTO active_channel (report_id, channel, account, items, approximate, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        insertNumber = try database.prepare("INSERT INTO narrative_number (report_id, kind, value, approximate, evidence) VALUES (?1, ?2, ?3, ?4, ?5)")
        insertArticle20 = try database.prepare("INSERT INTO article20 (report_id, item, content, measure, value, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        insertRequest = try database.prepare(RequestRows.insert)
        insertReview = try database.prepare("INSERT INTO review_litigation (report_id, kind, result, count, raw) VALUES (?1, ?2, ?3, ?4, ?5)")
        insertFinding = try database.prepare("INSERT INTO finding (report_id, rule, severity, message, expected, actual, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        insertTotals = try database.prepare(ReportTotals.insert)
        findHash = try database.prepare("SELECT file FROM report WHERE content_hash = ?1")
        findValues = try database.prepare("SELECT file FROM report WHERE values_hash = ?1")
        // The same body: the same body key, in the same county and city (two 城关镇 of two counties are two).
        // `+county`, `+city`: looked up through (body, year) only — SQLite otherwise chose the county or
        // city index, a scan of a whole county per report loaded (10,000 reports: 4 s → 27 s).
        findBodyYear = try database.prepare("SELECT id, file FROM report WHERE body = ?1 AND year = ?2 AND +county IS ?3 AND +city IS ?4 ORDER BY id")
    }

    let findBodyYear: Statement

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
            try ParallelReader.stream(files, places: places) { batch, results in
                progress?(start, files.count)
                for (file, outcome) in zip(batch, results) {
                    if interrupted() {
                        throw StoreError(message: "the load was interrupted (at \(file)); it was rolled back, nothing of it was kept")
                    }
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
                        let admitted: Bool
                        do { admitted = try admit(parsed, into: &summary) } catch let error as DatabaseError {
                            // Said with the file, in words: the whole load is rolled back.
                            let what = error.primaryCode == 13 ? "the disk is full" : error.primaryCode == 9 ? "the load was interrupted" : "SQLite: \(error.message)"
                            throw StoreError(message: "the load stopped at \(file): \(what); it was rolled back, nothing of it was kept")
                        }
                        guard admitted else { continue }
                        summary.loaded.append(file)
                        summary.warnings += parsed.report.warnings.count
                    }
                }
                start += batch.count
            }
            progress?(files.count, files.count)
            if !summary.loaded.isEmpty {
                summary.countiesFromSameBody = try PlaceLabels.afterLoad(database)
                let loadedFiles = Set(summary.loaded)
                summary.withoutCounty = try database.query("SELECT file FROM report WHERE township IS NOT NULL AND county IS NULL").rows
                    .filter { $0.first?.string.map(loadedFiles.contains) ?? false }.count
                try AuditState.markStale(database)
                try ReuseTable.markStale(database)
            }
        }
        return summary
    }

    /// Inserts a report unless the same body's report of the same year is loaded already with other
    /// numbers and is the better one (`DuplicateReports`); replaces that one when this is better. False
    /// when this report was left out.
    func admit(_ parsed: ParallelReader.Parsed, into summary: inout Summary) throws -> Bool {
        guard let body = parsed.bodyKey, let year = parsed.report.year,
              let earlier = try findBodyYear.rows([.text(body), .integer(Int64(year)), .optional(parsed.report.county), .optional(parsed.report.city)]).last,
              let earlierID = earlier.first?.double.map(Int64.init), let earlierFile = earlier.last?.string else {
            try insert(parsed)
            return true
        }
        let older = try DuplicateReports.version(of: earlierID, file: earlierFile, in: database)
        let newer = DuplicateReports.version(of: parsed.report)
        let name = parsed.report.agency ?? body
        // A name several places share, with no county to tell them apart: these may be two bodies.
        let mayBeTwoPlaces = parsed.report.county == nil && parsed.report.warnings.contains { $0.code == "place_ambiguous" }
        if keepDuplicates || mayBeTwoPlaces {
            try insert(parsed)
            summary.otherVersions.append(.init(skipped: parsed.report.file, kept: earlierFile, body: name, year: year,
                                               because: mayBeTwoPlaces ? "several places share the name and neither file says which" : "",
                                               // In the note's order: this file first, the one loaded before second.
                                               differences: DuplicateReports.differences(newer, older, words: ("first", "second")), keptBoth: true))
            return true
        }
        let (keepNewer, because) = DuplicateReports.prefer(newer, over: older)
        let skippedFile = keepNewer ? earlierFile : parsed.report.file
        let keptFile = keepNewer ? parsed.report.file : earlierFile
        // What the kept file says against the skipped one: `label: kept 540, skipped 532`.
        let (kept, skipped) = keepNewer ? (newer, older) : (older, newer)
        let differences = DuplicateReports.differences(kept, skipped, words: ("kept", "skipped"))
        var keptID = earlierID
        if keepNewer {
            // Foreign keys are off during a load: the children go by hand. What was recorded against the
            // old version (other versions it won over) moves to the new one.
            keptID = try insert(parsed)
            try database.execute("UPDATE duplicate_report SET report_id = ?1 WHERE report_id = ?2", [.integer(keptID), .integer(earlierID)])
            for table in Schema.childTables where table != "duplicate_report" {
                try database.execute("DELETE FROM \(table) WHERE report_id = ?1", [.integer(earlierID)])
            }
            try database.execute("DELETE FROM report WHERE id = ?1", [.integer(earlierID)])
            summary.loaded.removeAll { $0 == earlierFile }
        }
        try database.execute("INSERT INTO duplicate_report (report_id, file, kept_because, differences) VALUES (?1, ?2, ?3, ?4)",
                             [.integer(keptID), .text(skippedFile), .text(because), .text(differences.joined(separator: "; "))])
        summary.otherVersions.append(.init(skipped: skippedFile, kept: keptFile, body: name, year: year, because: because,
                                           differences: differences, keptBoth: false))
        return keepNewer
    }

    /// Inserts one report and everything in it; returns its id. Parse warnings become `finding` rows.
    @discardableResult
    public func insert(_ report: Report, hash: String, encoding: String? = nil) throws(DatabaseError) -> Int64 {
        try insert(ParallelReader.Parsed(report: report, hash: hash, encoding: encoding, bodyKey: BodyName.key(report.agency),
                                         valuesKey: ValuesKey.of(report), placeSources: PlaceResolver.Sources(province: report.province.map { _ in .title },
                                         city: report.city.map { _ in .title }, county: report.county.map { _ in .title }, township: report.township.map { _ in .title })))
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
            .optional(parsed.placeSources.province?.rawValue), .optional(parsed.placeSources.city?.rawValue),
            .optional(parsed.placeSources.county?.rawValue), .optional(parsed.placeSources.township?.rawValue),
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
        let cells = report.requests.map {
            RequestRows.Cell(stage: $0.stage.rawValue, outcome: $0.outcome, reason: $0.reason, applicant: $0.applicant, count: .number($0.value.number), raw: raw($0.value))
        }
        // Every applicant the reader writes is a template column; a report built otherwise is refused whole.
        guard let rows = RequestRows.rows(of: cells) else {
            throw DatabaseError(code: 19, message: "\(report.file): a section 三 cell of an applicant that is not a column of the template")
        }
        for row in rows { try insertRequest.run(RequestRows.parameters(row, report: id)) }
        for cell in report.reviews {
            try insertReview.run([id, .text(cell.kind), .text(cell.result), .number(cell.value.number), raw(cell.value)])
        }
        for warning in report.warnings {
            try insertFinding.run([id, .text("parse:\(warning.code)"), .text("warning"), .text(warning.message), .null, .null, .optional(warning.location)])
        }
        try insertTotals.run([id])
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
