import Foundation
import Testing
@testable import GongkaiKit

/// The fuzz targets of `scripts/fuzz`, run briefly in every test run so they cannot rot: each over its
/// seed inputs and a fixed number of seeded mutations of them (byte flips, cuts, splices). Seconds, not
/// minutes; the real fuzzing is `scripts/fuzz`.
struct FuzzSmokeTests {
    static func mutations(of seeds: [[UInt8]], count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where !bytes.isEmpty:
                for _ in 0..<Int.random(in: 1...16, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            case 1:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            default:
                let other = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
                let cut = Int.random(in: 0...bytes.count, using: &generator)
                bytes = Array(bytes.prefix(cut)) + other.suffix(Int.random(in: 0...other.count, using: &generator))
            }
            return bytes
        }
    }

    static func files(_ folder: String, _ suffixes: [String]) -> [[UInt8]] {
        FileBytes.files(under: folder).filter { file in suffixes.contains { file.hasSuffix($0) } }.compactMap { try? FileBytes.read($0) }
    }

    static let root = FileManager.default.currentDirectoryPath

    @Test func reader() {
        let seeds = Self.files(Self.root + "/samples", [".txt"]) + Self.files(Self.root + "/Tests/GongkaiKitTests/Fixtures/forms", [".html", ".docx"])
        for input in seeds + Self.mutations(of: seeds, count: 150, seed: 1) { FuzzTargets.reader(input) }
    }

    @Test func query() throws {
        let statements = try FileBytes.files(under: Self.root + "/queries").filter { $0.hasSuffix(".gkq") }
            .flatMap { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map { Array($0.utf8) } }
        let seeds = statements + ["申请 按 乡镇 where 区县 like 西山% pivot 年份 order by 2023 desc", "sql SELECT 'a' || 'b'", "active by channel where (year = 2021 or not level = street)",
                                   "avg(requests) by county where reviews > 0 top 3", "平均(申请) 按 乡镇 条件 区县 为空 前 2"].map { Array($0.utf8) }
        for input in seeds + Self.mutations(of: seeds, count: 3000, seed: 2) { FuzzTargets.query(input) }
    }

    @Test func script() {
        let seeds = Self.files(Self.root + "/queries", [".gkq"])
        for input in seeds + Self.mutations(of: seeds, count: 40, seed: 3) { FuzzTargets.script(input) }
    }
}
