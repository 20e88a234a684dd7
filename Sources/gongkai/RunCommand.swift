import ArgumentParser
import Foundation
import GongkaiKit

/// `gongkai run FILE.gkq…`: every statement of each file in order, each result under its statement (or
/// its `-- name:`); an error names FILE:LINE:COLUMN and the run goes on (or stops with --bail).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run saved query files (.gkq) over the reports.",
        discussion: "Exit status 0 when every statement succeeded, 1 otherwise. With --format csv --out DIR/, one CSV file per named statement."
    )

    @Argument(help: "Query files.")
    var files: [String]

    @Option(parsing: .upToNextOption, help: "Report files or folders to load (default: the bundled samples/, or the --db database as it is).")
    var data: [String] = []

    @Option(help: "table, csv, json, markdown, bar, line (one row per block), xlsx (one workbook: a sheet per statement), html (one report page with charts) or svg (a chart).")
    var format: OutputFormat = .table

    @Option(help: "Write the results to this file, or with a trailing / (or an existing folder) one file per statement.")
    var out: String?

    @Flag(help: "Stop at the first statement that fails.")
    var bail = false

    @Flag(help: "Do not print each statement before its result.")
    var quiet = false

    @Flag(help: "Start CSV output with a UTF-8 BOM (for Excel and WPS).")
    var bom = false

    @Flag(help: "Let raw SQL in the files change the database or files (ATTACH, INSERT, DROP, VACUUM INTO, PRAGMA settings). Without it a query file may only read: run someone else's file safely.")
    var allowWrites = false

    @OptionGroup var loadOptions: LoadOptions

    @Option(help: "Keep the database in this file instead of in memory.")
    var db: String?

    func run() throws {
        let session = try Loading.openSession(db: db, format: format, bom: bom, options: loadOptions)
        var failed = try Loading(paths: data, db: db).load(into: session)
        let shell = Shell(session: session, out: { print($0, terminator: "") }, err: Diagnostics.write)
        shell.batch = true
        shell.stdoutIsTerminal = isatty(1) != 0
        session.rawSQLReadOnly = !allowWrites
        do { shell.sink = try OutputSink(path: out) } catch {
            Diagnostics.error(error.description)
            throw ExitCode.failure
        }
        // Files in a folder hold one result each: no titles inside them.
        let titled = !quiet && shell.sink.target.isSingleStream
        // A workbook or page holds every file's results: written once, after the last file.
        shell.documentSpansRuns = true
        for file in files {
            let text: String
            do {
                guard let decoded = ScriptText.decode(try FileBytes.read(file)) else {
                    throw ScriptText.NotText(path: file)
                }
                text = decoded
            } catch {
                Diagnostics.error("\(error)")
                failed = true
                if bail { break } else { continue }
            }
            if !shell.run(text, origin: file, quiet: !titled, bail: bail) {
                failed = true
                if bail { break }
            }
        }
        if !shell.writeDocument() { failed = true }
        if failed { throw ExitCode.failure }
    }
}
