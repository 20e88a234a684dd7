import Foundation
import Testing

/// The benchmark on a tiny size, so that it cannot rot. No timing is asserted: only that every figure
/// is produced.
struct BenchmarkTests {
    @Test func theBenchmarkRunsOnATinySize() throws {
        let bench = BinaryRunner.binary.deletingLastPathComponent().appendingPathComponent("gongkai-bench")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["--quick"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        let figures = text.split(separator: "\n").filter { $0.hasPrefix("json ") }.compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.dropFirst(5).utf8)) as? [String: Any]
        }
        let names = Set(figures.compactMap { $0["figure"] as? String })
        for expected in ["parse: reports/s (1 core)", "load: gongkai, parse included (memory)", "load: gongkai, parse included (--db disk)",
                         "query: gongkai, audit check", "compile: four-way join", "start-up to the first prompt (samples/)",
                         "max RSS, reports loaded in memory"] {
            #expect(names.contains(expected), "missing figure \(expected)")
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            #expect(names.contains("load: sqlite3 .import, same rows (memory)"))
            #expect(names.contains("query: sqlite3 shell, four-way join"))
        }
        #expect(figures.allSatisfy { ($0["median"] as? Double).map { $0 >= 0 } ?? false })
    }
}
