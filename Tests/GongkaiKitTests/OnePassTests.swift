import Testing
@testable import GongkaiKit

/// Metrics of several tables by report dimensions are read in one pass over the reports
/// (`SQLCompiler.onePass`); they were read one pass per table and the results joined on the groups. The
/// answers must be the same, on a corpus where reports lack one table or another (a group with no
/// report having reviews, a template's metric, filters, totals, ranks, formulas, shares, conditions on
/// metrics).
struct OnePassTests {
    static let statements = [
        "requests, reviews by county",
        "requests, reviews, active, penalties by county, year",
        "reviews, fees by township where year >= 2020",
        "reviews, penalties by template",
        "reviews, penalties by county, year",
        "requests, reviews by year with total",
        "requests, reviews by county, year with subtotals",
        "requests, reviews by township top 3",
        "reports, reviews by level",
        "granted / requests, reviews by county",
        "share(requests), reviews by county, year",
        "requests, reviews by county where requests > 20",
        "requests_in_prose, requests, active by year",
        "requests, reviews",
        "reviews, active by township rank",
    ]

    /// The scale corpus's bodies, some reports without section 四, some without 二, one county with no
    /// report holding reviews at all.
    static func corpus() throws -> Session {
        let session = try Session.open(path: nil)
        let loader = try Loader(database: session.database)
        var generator = ReportGenerator(seed: 5)
        var index = 0
        for prefix in 1...3 {
            for base in ReportGenerator.fictionalBodies {
                var body = base
                body.name = "第\(prefix)" + body.name
                for year in 2019...2023 {
                    var report = generator.report(body: body, year: year, template: year >= 2021 ? .y2021 : .y2019, faults: [], carry: nil)
                    if index % 3 == 0 || report.county == "北岭县" { report.reviews = [] }
                    if index % 4 == 1 || (report.county == "北岭县" && year == 2019) { report.article20 = [] }
                    if index % 5 == 2 { report.requests = [] }
                    try loader.insert(report, hash: "p\(index)")
                    index += 1
                }
            }
        }
        try PlaceLabels.refresh(session.database)
        return session
    }

    @Test func onePassGivesTheAnswersOfOnePassPerTable() throws {
        let session = try Self.corpus()
        // A county without reviews; in one year of it, neither reviews nor section 二.
        #expect(try session.database.scalar("SELECT count(*) FROM report r JOIN report_total t ON t.report_id = r.id WHERE r.county = '北岭县' AND t.has_review = 1") == .integer(0))
        #expect(try session.database.scalar("SELECT count(*) FROM report r JOIN report_total t ON t.report_id = r.id WHERE r.county = '北岭县' AND r.year = 2019 AND t.has_article20 = 1") == .integer(0))
        for statement in Self.statements {
            guard case .query(let node) = try Parser.parse(statement)[0].node else { Issue.record("not a query: \(statement)"); continue }
            let resolved = try Resolver().resolve(node)
            var separate = SQLCompiler()
            separate.onePassOverReports = false
            guard case .query(let together) = SQLCompiler().compile(resolved), case .query(let apart) = separate.compile(resolved) else {
                Issue.record("not a plain query: \(statement)")
                continue
            }
            #expect(together.sql != apart.sql, "\(statement): compiled the same either way")
            let one = try session.database.query(together.sql, together.values)
            let several = try session.database.query(apart.sql, apart.values)
            #expect(one.columns == several.columns, "\(statement)")
            #expect(one.rows == several.rows, "\(statement)")
            #expect(!one.rows.isEmpty, "\(statement)")
        }
    }
}
