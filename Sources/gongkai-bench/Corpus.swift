import Foundation
import GongkaiKit

/// The benchmark's reports: synthetic (合成样例), deterministic, in the seed's Word-export layout, about
/// the seed's size, over 2019–2023 for many fictional bodies. Written once into a folder and reused.
enum Corpus {
    static func texts(count: Int, seed: UInt64 = 7) -> [[UInt8]] {
        var generator = ReportGenerator(seed: seed)
        return (0..<count).map { index in Array(ReportWriter(layout: .word).write(report(index, &generator)).utf8) }
    }

    static func report(_ index: Int, _ generator: inout ReportGenerator) -> Report {
        let bodies = ReportGenerator.fictionalBodies
        var body = bodies[index % bodies.count]
        body.name = "第\(index / (bodies.count * 5) + 1)" + body.name
        let year = 2019 + (index / bodies.count) % 5
        return generator.report(body: body, year: year, template: year >= 2021 ? .y2021 : .y2019)
    }

    /// A folder holding at least `count` report files; the file paths, sorted.
    static func folder(count: Int) throws -> (String, [String]) {
        // A small run keeps its own folder: listing a folder of 100,000 files costs more than the run.
        let folder = NSTemporaryDirectory() + (count < 1000 ? "gongkai-bench-corpus-small" : "gongkai-bench-corpus")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.count
        if existing < count {
            FileHandle.standardError.write(Data("writing \(count - existing) synthetic reports to \(folder)…\n".utf8))
            var generator = ReportGenerator(seed: 11)
            // Regenerate from the start so that file i is always the same report.
            existing = 0
            for index in existing..<count {
                let text = ReportWriter(layout: .word).write(report(index, &generator))
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + String(format: "/%07d-合成样例.txt", index)))
            }
        }
        let files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".txt") }.sorted().prefix(count)
        return (folder, files.map { folder + "/" + $0 })
    }
}
