import Foundation
import Testing

/// `gongkai parse` and the summary, run as a user runs them.
struct ParseCommandTests {
    @Test(.enabled(if: BinaryRunner.sharedAvailable, "needs ../shared/seed"))
    func parseTheSeedAsText() throws {
        let result = try BinaryRunner.run(["parse", BinaryRunner.shared("seed/000_0717abcba8b88f39.txt")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("agency    威海市环翠区羊亭镇"))
        #expect(result.stdout.contains("year      2021  template 2019"))
        #expect(result.stdout.contains("微信公众号 “羊亭在线” 566"))
        #expect(result.stdout.contains("requests_received 3"))
        #expect(result.stdout.contains("warnings (0)"))
    }

    @Test func parseAsJSONHasTypedValues() throws {
        let result = try BinaryRunner.run(["parse", "--format", "json", BinaryRunner.sample("示范市东湖区青石街道-2023-合成样例.txt")])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 2023)
        #expect(object["township"] as? String == "青石街道")
        let cells = try #require(object["article20"] as? [[String: Any]])
        #expect(cells.first?["value"] as? String == "/")
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "not_a_number" })
    }

    /// A file named .txt that is a broken PDF: read as a PDF (by its bytes), and refused as one.
    @Test func parseRefusesWhatIsNotText() throws {
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString).txt")
        try Data("%PDF-1.4\n%âãÏÓ\n".utf8).write(to: pdf)
        defer { try? FileManager.default.removeItem(at: pdf) }
        let result = try BinaryRunner.run(["parse", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr == "gongkai: error: \(pdf.path): a damaged or truncated PDF (pdftotext: Syntax Error: Couldn't read xref table)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func parseOfAMissingFileNamesIt() throws {
        let result = try BinaryRunner.run(["parse", "/nonexistent/报告.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/报告.txt: cannot open: No such file or directory"))
    }

    @Test func summaryOfTheSamplesNamesBodiesAndYears() throws {
        let result = try BinaryRunner.run([])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("19 report(s) of 7 bodies, years 2021, 2022, 2023"))
        #expect(result.stdout.contains("威海市环翠区羊亭镇  2021  template 2019"))
    }

    @Test func aFolderWithABrokenFileStillLoadsTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("示范市北岭县云岗镇-2021-合成样例.txt"), toPath: folder.appendingPathComponent("a.txt").path)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0]).write(to: folder.appendingPathComponent("scan.txt"))
        let result = try BinaryRunner.run([folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("1 report(s) of 1 bodies"))
        #expect(result.stderr.contains("scan.txt: a PNG image, not text (a scanned page needs OCR)"))
    }
}
