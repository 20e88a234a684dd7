import ArgumentParser
import GongkaiKit

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Read government-information-disclosure annual reports (政府信息公开工作年度报告) and query them.",
        subcommands: [MainCommand.self, RunCommand.self, CheckCommand.self, ParseCommand.self, GenerateCommand.self],
        defaultSubcommand: MainCommand.self
    )
}
