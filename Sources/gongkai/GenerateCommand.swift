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
        case text, html, htmlGBK = "html-gbk", htmlArticle = "html-article", docx
    }

    @Option(name: .customLong("from"), help: "Render these report files (read by gongkai's reader) in --form instead of generating; for test fixtures.")
    var sources: [String] = []

    @Option(help: "With --reports or --from: the form to write them in (text: the Word-export layout; html: a site's page; html-gbk: an old GBK site laid out with tables; html-article: the article alone; docx).")
    var form: Form = .text

    func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !sources.isEmpty {
            for source in sources {
                let report = try ReportReader().read(file: source)
                let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
                let (bytes, suffix) = try render(report)
                let target = URL(fileURLWithPath: directory).appendingPathComponent("\(name).\(suffix)")
                try Data(bytes).write(to: target)
                print("wrote \(target.path)")
            }
            return
        }
        if let count = reports {
            var generator = ReportGenerator(seed: seed)
            let bodies = ReportGenerator.fictionalBodies
            for index in 0..<count {
                var body = bodies[index % bodies.count]
                body.name = "第\(index / bodies.count + 1)" + body.name
                let year = 2019 + index % 5
                let report = generator.report(body: body, year: year, template: year >= 2021 ? .y2021 : .y2019)
                let (bytes, suffix) = try render(report)
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

    func render(_ report: Report) throws -> (bytes: [UInt8], suffix: String) {
        switch form {
        case .text: return (TextEncoding.encode(ReportWriter(layout: .word).write(report), as: .utf8), "txt")
        case .html: return (HTMLReportWriter(charset: .utf8).write(report), "html")
        case .htmlGBK: return (HTMLReportWriter(charset: .gbk, layoutTable: true).write(report), "html")
        case .htmlArticle: return (HTMLReportWriter(charset: .utf8, siteChrome: false).write(report), "html")
        case .docx: return (try DocxReportWriter().write(report), "docx")
        }
    }
}
