import Foundation
import Testing
@testable import GongkaiKit

/// The benchmark's questions, the audit and the long `request` rows, on a generated corpus with every
/// kind of fault and odd cell, kept as a golden file (Fixtures/golden/scale-answers.txt) recorded before
/// the storage and SQL were changed for speed (issue: every question on 100,000 reports in about a second).
/// A faster schema or rule must give these answers exactly: the same rows, the same order.
struct ScaleAnswerTests {
    /// 6 bodies × 5 years × 6 prefixes = 180 reports, carried on from year to year except where a fault
    /// breaks the carry; then reports with cells a reader can meet: text, blank, missing, negative,
    /// fractional, a row of one merged cell only (the other applicant columns absent).
    static func corpus(path: String? = nil) throws -> Session {
        let session = try Session.open(path: path)
        // A file's 180 commits need not each wait for the disk.
        if path != nil { try session.database.execute("PRAGMA synchronous = OFF") }
        let loader = try Loader(database: session.database)
        var generator = ReportGenerator(seed: 17)
        let faults = ReportGenerator.Fault.allCases
        var index = 0
        for prefix in 1...6 {
            for (bodyIndex, base) in ReportGenerator.fictionalBodies.enumerated() {
                var body = base
                body.name = "第\(prefix)" + body.name
                var carry: ReportGenerator.Carry?
                for year in 2019...2023 {
                    let fault: Set<ReportGenerator.Fault> = (index % 4 == 0) ? [faults[(index / 4) % faults.count]] : []
                    var report = generator.report(body: body, year: year, template: year >= 2021 ? .y2021 : .y2019,
                                                  faults: fault, carry: (index + bodyIndex) % 7 == 3 ? nil : carry)
                    carry = ReportGenerator.carry(from: report)
                    oddCells(&report, index)
                    try loader.insert(report, hash: "h\(index)")
                    index += 1
                }
            }
        }
        try PlaceLabels.refresh(session.database)
        return session
    }

    /// Cells of every kind in some reports, at positions that move with the report.
    static func oddCells(_ report: inout Report, _ index: Int) {
        guard index % 3 == 1, !report.requests.isEmpty else { return }
        let count = report.requests.count
        let odd: [CellValue] = [.text("/"), .blank, .missing, .number(-2), .number(1.5)]
        for (step, value) in odd.enumerated() where (index + step) % 2 == 0 {
            report.requests[(index * 7 + step * 13) % count].value = value
        }
        if index % 9 == 1, let cell = report.requests.first(where: { $0.stage == .handled && $0.outcome == "不予处理" }) {
            // A number merged over the rows of one outcome: kept on the outcome as a whole, one column only.
            report.requests.append(RequestCell(stage: .handled, outcome: cell.outcome, reason: nil, applicant: "自然人", value: .number(4)))
        }
        if index % 5 == 1 { report.reviews[index % report.reviews.count].value = .text("无") }
        if index % 6 == 1 { report.article20[index % report.article20.count].value = .blank }
    }

    /// The benchmark's statements (scripts/bench) and more of each kind: 总计 column, applicant columns,
    /// outcomes, reasons, filters on facts, totals and ranks, the audit; each as CSV.
    static let statements = [
        "active by township, channel",
        "requests by township pivot year",
        "requests, reviews, active, penalties by county, year",
        "check",
        "requests by applicant",
        "requests by applicant, year where county = '东湖区'",
        "handled by outcome",
        "denied by reason",
        "handled by reason where year >= 2021",
        "requests, carried_over, handled, carried_forward by year with total",
        "granted / requests, share(requests) by county",
        "requests where applicant = '自然人' by year",
        "granted, partial, denied by township top 5",
        "requests_in_prose, requests by year",
        "reports, requests by level, template",
        "requests by township pivot year with total",
        "lawsuits, reviews_corrected by county, year",
        "requests by year where outcome = '予以公开'",
        "check row_total", "check request_balance", "check outcome_total", "check carry_over", "check cells",
        "SELECT applicant, count(*), count(count), sum(count), count(raw), group_concat(DISTINCT raw) FROM request GROUP BY applicant ORDER BY applicant",
        "SELECT stage, outcome, reason, count(*), sum(count) FROM request GROUP BY stage, outcome, reason ORDER BY stage, outcome, reason",
    ]

    /// Every long row of `request`, sorted, as one digest (the rows themselves are 30,000 lines).
    static let requestRows = "SELECT report_id, stage, outcome, reason, applicant, count, raw FROM request ORDER BY 1, 2, 3, 4, 5, 6, 7"

    static func answers(_ session: Session) throws -> String {
        session.format = .csv
        var text = ""
        for statement in statements {
            text += "## \(statement)\n"
            do { text += session.render(try statement.hasPrefix("SELECT") ? session.runSQL(statement) : session.execute(statement)) } catch { text += "error: \(error)\n" }
        }
        let rows = try session.database.query(requestRows).rows
        let dump = rows.map { $0.map(\.description).joined(separator: "|") }.joined(separator: "\n")
        text += "## request rows\n\(rows.count) rows, sha256 \(SHA256.hex(Array(dump.utf8)))\n"
        return text
    }

    @Test func theAnswersAreTheOnesRecordedBeforeTheSpeedWork() throws {
        try Golden.check(try Self.answers(try Self.corpus()), "scale-answers.txt")
    }
}

/// `request_row.odd` (set at load in Swift) and the `cells` rule's SQL test agree on every kind of value,
/// as bound by the loader and as read back from the NUMERIC column: the rule unfolds only odd cells, so a
/// value the two judged differently would be a finding lost.
struct WholeCountTests {
    @Test func theLoadersTestIsTheRulesTest() throws {
        let database = try Database()
        try database.execute("CREATE TABLE t (value NUMERIC)")
        let values: [DatabaseValue] = [.null, .integer(0), .integer(7), .integer(-1), .real(1.5), .real(-0.5), .real(2.0), .real(-0.0),
                                       .real(1e-9), .real(9.3e18), .real(1e19), .real(-1e19), .real(.infinity), .text("/"), .text(""),
                                       .number(3), .number(2.25), .number(nil)]
        for value in values {
            try database.execute("DELETE FROM t")
            try database.execute("INSERT INTO t VALUES (?1)", [value])
            let stored = try database.scalar("SELECT value FROM t") ?? .null
            let sql = try database.scalar("SELECT NOT (value IS NULL OR value < 0 OR value <> CAST(value AS INTEGER)) FROM t") ?? .null
            let whole = sql == .integer(1)
            #expect(RequestRows.isWholeCount(value) == whole, "as bound: \(value)")
            #expect(RequestRows.isWholeCount(stored) == whole, "as stored: \(stored)")
        }
    }
}
