import ArgumentParser
import CEditLine
import Foundation
import GongkaiKit

/// `gongkai [PATH...]` and `gongkai -c QUERY [PATH...]`: load reports (none given: the bundled samples/,
/// unless --db names a database to open as it is), then run the query or summarise what was loaded.
struct MainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main",
        abstract: "Load reports and query them (default: the bundled samples/).",
        // The default command: its usage must read `gongkai …`, not `gongkai main …`.
        usage: "gongkai [<paths> ...] [-c <statement>] [--db <db>] [--format <format>] [--bom]",
        discussion: """
        Paths are report files or folders (searched recursively for .txt .md .html .docx .pdf …).
        With no path, the bundled samples/ are loaded, unless --db names an existing database.
        """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @Option(name: .customShort("c"), help: "Run one statement (e.g. \"sql SELECT …\"), print the result, exit.")
    var command: String?

    @OptionGroup var loadOptions: LoadOptions

    @Option(help: "Keep the database in this file instead of in memory; loading adds to it.")
    var db: String?

    @Option(help: "table, csv, json, markdown, bar, line (one row per block), xlsx (one workbook: a sheet per statement), html (one report page with charts) or svg (a chart).")
    var format: OutputFormat = .table

    @Flag(help: "Start CSV output with a UTF-8 BOM (for Excel and WPS).")
    var bom = false

    func run() throws {
        let session = try Loading.openSession(db: db, format: format, bom: bom, options: loadOptions)
        let loadFailed = try Loading(paths: paths, db: db).load(into: session)
        guard let command else {
            try interact(session, loadFailed: loadFailed)
            return
        }
        let shell = Shell(session: session, out: { print($0, terminator: "") }, err: Diagnostics.write)
        shell.terminalWidth = { Int(gk_terminal_columns()) }
        shell.stdoutIsTerminal = isatty(1) != 0
        if !shell.run(command) || loadFailed { throw ExitCode.failure }
    }

    /// The REPL on a terminal; otherwise statements from stdin (and, with no input, the summary).
    func interact(_ session: Session, loadFailed: Bool) throws {
        let shell = Shell(session: session, out: { print($0, terminator: "") }, err: Diagnostics.write)
        shell.terminalWidth = { Int(gk_terminal_columns()) }
        shell.stdoutIsTerminal = isatty(1) != 0
        session.renderOptions.width = Int(gk_terminal_columns())
        if isatty(0) != 0, isatty(1) != 0 {
            REPL(shell: shell).run(banner: try banner(session))
            return
        }
        if isatty(0) != 0 {
            try summarise(session)
        } else {
            guard PipedInput(shell: shell).run() else { throw ExitCode.failure }
            // Nothing piped in: say what was loaded, as a script would want to know.
            if !shell.ranAnything { try summarise(session) }
        }
        if loadFailed || shell.failures > 0 { throw ExitCode.failure }
    }

    func banner(_ session: Session) throws -> String {
        let row = try session.database.query("""
            SELECT count(*), count(DISTINCT body), min(year), max(year), (SELECT count(*) FROM finding WHERE rule LIKE 'parse:%') FROM report
            """).rows.first ?? []
        func text(_ index: Int) -> String { index < row.count ? row[index].description : "?" }
        let years = text(2) == text(3) ? text(2) : "\(text(2))–\(text(3))"
        return """
            gongkai — \(text(0)) report(s) of \(text(1)) bodies, \(years); \(text(4)) parse warning(s).
            End a statement with ; or an empty line. Tab completes, .help explains, Ctrl-D leaves.
            Try:  active by channel;    主动公开 按 渠道;    requests by township pivot year;
            """
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
