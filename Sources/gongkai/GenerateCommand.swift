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

    @Option(help: "Write this many reports in the Word-export layout instead of the sample set.")
    var reports: Int?

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
                let bytes = TextEncoding.encode(ReportWriter(layout: .word).write(report), as: .utf8)
                try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(format: "%06d-合成样例.txt", index)))
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
