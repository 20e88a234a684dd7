import ArgumentParser
import Foundation
import GongkaiKit

/// `gongkai [PATH...]` and `gongkai -c QUERY [PATH...]`: load reports (none given: the bundled samples/,
/// unless --db names a database to open as it is), then run the query or summarise what was loaded.
struct MainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main",
        abstract: "Load reports and query them (default: the bundled samples/).",
        discussion: """
        Paths are report files or folders (searched recursively for .txt .md .html .docx .pdf …).
        With no path, the bundled samples/ are loaded, unless --db names an existing database.
        """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @Option(name: .customShort("c"), help: "Run one statement (e.g. \"sql SELECT …\"), print the result, exit.")
    var command: String?

    @Option(help: "Keep the database in this file instead of in memory; loading adds to it.")
    var db: String?

    @Option(help: "table, csv, json, markdown or bar.")
    var format: OutputFormat = .table

    @Flag(help: "Start CSV output with a UTF-8 BOM (for Excel and WPS).")
    var bom = false

    func run() throws {
        let session: Session
        do {
            session = try Session.open(path: db)
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
        session.format = format
        session.renderOptions.bom = bom
        let loadFailed = try Loading(paths: paths, db: db).load(into: session)
        guard let command else {
            try summarise(session)
            if loadFailed { throw ExitCode.failure }
            return
        }
        var failed = loadFailed
        for step in session.run(command) {
            switch step.result {
            case .success(let output):
                print(session.render(output), terminator: "")
            case .failure(let failure):
                failed = true
                Diagnostics.write(failure.render(source: command, statement: step.statement))
            }
        }
        if failed { throw ExitCode.failure }
    }

    func summarise(_ session: Session) throws {
        let overview = try session.database.query("""
            SELECT count(*), count(DISTINCT body), group_concat(DISTINCT year), (SELECT count(*) FROM finding)
            FROM (SELECT body, year FROM report ORDER BY year)
            """)
        guard let row = overview.rows.first else { return }
        let years = row[2].string ?? ""
        print("\(row[0]) report(s) of \(row[1]) bodies, years \(years.replacing(",", with: ", ")); \(row[3]) warning(s)")
        let list = try session.database.query("""
            SELECT coalesce(agency, file), year, template, (SELECT count(*) FROM finding f WHERE f.report_id = r.id)
            FROM report r ORDER BY county, township, year
            """)
        for row in list.rows {
            print("  \(row[0])  \(row[1] == .null ? "?" : row[1].description)  template \(row[2] == .null ? "?" : row[2].description)  warnings \(row[3])")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
