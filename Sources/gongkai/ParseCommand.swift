import ArgumentParser
import Foundation
import GongkaiKit

/// `gongkai parse FILE`: what the reader extracted from one file, warnings included.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what the reader extracts from one report file, warnings included.",
        discussion: "Exit status 0 when the file was read (even with warnings), 1 when it could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, document }

    @Argument(help: "The report file.")
    var file: String

    @Option(help: "text, json, or document (the paragraphs and tables the reader saw, before any value is read).")
    var format: Format = .text

    func run() throws {
        if format == .document {
            do {
                let source = try ReportReader().readDocument(bytes: try FileBytes.read(file), file: file)
                print("\(file): \(source.form)")
                for warning in source.warnings { print("warning: \(warning.message)") }
                print(ReportPrinter.document(source.document), terminator: "")
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCode.failure
            }
            return
        }
        let report: Report
        do {
            report = try ReportReader().read(file: file)
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
        switch format {
        case .text, .document:
            print(ReportPrinter.text(report), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report)
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
