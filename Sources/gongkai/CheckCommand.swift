import ArgumentParser
import Foundation
import CEditLine
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// `gongkai check [PATH…]`: the audit, for scripts and CI: every finding with its report, rule,
/// location, expected and actual numbers; a summary line; exit status 1 when an error-level finding exists.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Audit reports: list where their numbers do not hold together.",
        discussion: "Exit status 1 when any error-level finding exists (or a file could not be read), 0 otherwise. The rules: gongkai -c \"show rules\"; docs/audit-rules.md."
    )

    @Argument(help: "Report files or folders. None: the bundled samples/ (or the --db database as it is).")
    var paths: [String] = []

    @Option(name: .customLong("rule"), help: "Only this rule (repeatable): an id such as request_balance, or its Chinese title.")
    var rules: [String] = []

    @Option(help: "Only findings of this severity: error or warning.")
    var severity: AuditRule.Severity?

    @Option(help: "table, csv, json, markdown, line, xlsx or html. A table wider than the terminal is shown one finding per block.")
    var format: OutputFormat = .table

    @OptionGroup var loadOptions: LoadOptions

    @Option(help: "Keep the database in this file instead of in memory.")
    var db: String?

    func validate() throws {
        if format == .bar { throw ValidationError("--format bar charts numbers; findings are a list: use table, csv, json, markdown, line, xlsx or html") }
        for rule in rules where AuditRules.rule(rule) == nil {
            let hint = Suggestions.didYouMean(Suggestions.nearest(rule, among: AuditRules.all.map(\.id))) ?? ""
            throw ValidationError("unknown rule “\(rule)”. \(hint) (gongkai -c \"show rules\" lists them)")
        }
    }

    func run() throws {
        let session = try Loading.openSession(db: db, format: format, options: loadOptions)
        let loadFailed = try Loading(paths: paths, db: db).load(into: session)
        let selected = rules.compactMap { AuditRules.rule($0) }
        let (findings, summary) = try Auditor(database: session.database).run(rules: selected.isEmpty ? AuditRules.all : selected, severity: severity)
        var options = RenderOptions()
        options.toTerminal = isatty(1) != 0
        options.width = Int(gk_terminal_columns())
        if format.isDocument {
            // A workbook or a report page of the findings, to standard output (a workbook not to a terminal).
            if format == .xlsx, options.toTerminal {
                throw ValidationError("a workbook is a file: redirect the output (gongkai check --format xlsx > findings.xlsx)")
            }
            let about = [("生成于 made", ISO8601DateFormatter().string(from: Date())), ("检查 checked", summary.line)]
            let bytes = format == .xlsx
                ? try XLSXWriter(about: about, sheets: [.init(name: "findings", result: findings)]).write()
                : Array(HTMLReportPage(title: "gongkai check", about: about, sections: [{
                    var section = HTMLReportPage.Section(title: "findings", statement: "check", results: [(nil, findings)], note: summary.line)
                    section.chart = false
                    return section
                }()]).render().utf8)
            FileHandle.standardOutput.write(Data(bytes))
        } else if !findings.rows.isEmpty || format != .table {
            print(format.renderFitting(findings, options: options), terminator: "")
        }
        if format == .table { print(summary.line) } else { Diagnostics.note(summary.line) }
        if summary.errors > 0 || loadFailed { throw ExitCode.failure }
    }
}

extension AuditRule.Severity: ExpressibleByArgument {}
