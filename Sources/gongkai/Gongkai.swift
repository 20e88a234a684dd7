import ArgumentParser
import CEditLine
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Read government-information-disclosure annual reports (政府信息公开工作年度报告) and query them.",
        subcommands: [MainCommand.self, RunCommand.self, CheckCommand.self, ParseCommand.self, GenerateCommand.self],
        defaultSubcommand: MainCommand.self
    )

    /// As ArgumentParser's, and then: what was printed must have reached stdout. A write that failed
    /// (a full disk under `> file`) makes the exit status 1 with a message, never a silent 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            _ = gk_stdout_failure()
            exit(withError: error)
        }
        let failure = gk_stdout_failure()
        if failure != 0 {
            Diagnostics.error("cannot write to standard output: \(String(cString: strerror(failure)))")
            exit(withError: ExitCode.failure)
        }
    }
}
