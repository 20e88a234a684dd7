import ArgumentParser
import Foundation
import GongkaiKit

/// `gongkai generate DIR`: writes synthetic reports with known values (the synthetic part of samples/,
/// or a large corpus for the benchmark). Every file it writes says 合成样例 in its name and title.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic reports (合成样例) with known values into a folder."
    )

    @Argument(help: "The folder to write into (created when missing).")
    var directory: String

    @Option(help: "Seed for the generator: the same seed writes the same files.")
    var seed: UInt64 = 2024

    @Option(help: "Write this many reports instead of the sample set.")
    var reports: Int?

    enum Form: String, ExpressibleByArgument, CaseIterable {
        case text, html, htmlGBK = "html-gbk", docx
    }

    @Option(help: "With --reports: the form to write them in (text: the Word-export layout; html, html-gbk: a site's page; docx).")
    var form: Form = .text

    func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if let count = reports {
            var generator = ReportGenerator(seed: seed)
            let bodies = ReportGenerator.fictionalBodies
            for index in 0..<count {
                var body = bodies[index % bodies.count]
                body.name = "第\(index / bodies.count + 1)" + body.name
                let year = 2019 + index % 5
                let report = generator.report(body: body, year: year, template: year >= 2021 ? .y2021 : .y2019)
                let bytes: [UInt8], suffix: String
                switch form {
                case .text: (bytes, suffix) = (TextEncoding.encode(ReportWriter(layout: .word).write(report), as: .utf8), "txt")
                case .html: (bytes, suffix) = (HTMLReportWriter(charset: .utf8).write(report), "html")
                case .htmlGBK: (bytes, suffix) = (HTMLReportWriter(charset: .gbk).write(report), "html")
                case .docx: (bytes, suffix) = (try DocxReportWriter().write(report), "docx")
                }
                try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(format: "%06d-合成样例.", index) + suffix))
            }
            print("wrote \(count) synthetic reports to \(directory)")
            return
        }
        let files = SampleSet.files(seed: seed)
        for file in files {
            try Data(file.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(file.name))
        }
        print("wrote \(files.count) synthetic sample reports to \(directory)")
    }
}
