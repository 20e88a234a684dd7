import ArgumentParser
import GongkaiKit

/// `gongkai [PATH...]`: reads the reports at PATH (files or folders; none: the bundled samples/) and
/// says what was read. Files that cannot be read are named with the reason; the rest still load.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Read reports (default: the bundled samples/) and summarise what was read."
    )

    @Argument(help: "Report files or folders. None: the bundled samples/.")
    var paths: [String] = []

    func run() throws {
        let files = try ReportFiles.expand(paths.isEmpty ? [ReportFiles.defaultSamples()] : paths)
        var reports: [Report] = []
        var failures = 0
        for file in files {
            do {
                reports.append(try ReportReader().read(file: file))
            } catch {
                failures += 1
                Diagnostics.error("\(error)")
            }
        }
        let bodies = Set(reports.compactMap(\.agency))
        let years = Set(reports.compactMap(\.year)).sorted()
        let warnings = reports.reduce(0) { $0 + $1.warnings.count }
        print("read \(reports.count) report(s) of \(bodies.count) bodies, years \(years.map(String.init).joined(separator: ", ")); \(warnings) warning(s); \(failures) file(s) not read")
        for report in reports {
            let name = report.agency ?? report.file
            print("  \(name)  \(report.year.map(String.init) ?? "?")  template \(report.template?.rawValue ?? "?")  warnings \(report.warnings.count)")
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
