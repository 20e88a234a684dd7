import Foundation
import Testing

/// `gongkai run` on saved query files, and statements piped into `gongkai`.
struct RunCommandTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func everySavedQueryFileRuns() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".gkq") }.sorted()
        let result = try BinaryRunner.run(["run"] + files.map { folder.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("-- channels overall\n"))
        #expect(result.stdout.contains("-- reviews and corrections by county\n"))
        #expect(result.stdout.contains("checked 19 report(s)"))
    }

    @Test func errorsNameFileLineAndColumnAndTheRunGoesOn() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.gkq")
        try Data("-- name: first\nreports\n\nrequests by townshp\n-- name: last\nreports by level\n".utf8).write(to: file)
        let result = try BinaryRunner.run(["run", file.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file.path):4:13: error: unknown dimension “townshp”\nrequests by townshp\n            ^~~~~~~\nhint: did you mean “township”?\n"))
        #expect(result.stdout.contains("reports\n───────\n     19\n(1 row)\n"))
        #expect(result.stdout.contains("township"))
        #expect(!result.stdout.contains("-- first"))
        let bail = try BinaryRunner.run(["run", file.path, "--bail"])
        #expect(bail.status == 1)
        #expect(bail.stdout.contains("-- first"))
        #expect(!bail.stdout.contains("-- last"))
    }

    @Test func csvFilesPerNamedStatement() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path + "/"
        let query = BinaryRunner.packageRoot.appendingPathComponent("queries/reviews.gkq").path
        let result = try BinaryRunner.run(["run", query, "--format", "csv", "--out", out, "--bom"])
        #expect(result.status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written == ["bodies corrected on review.csv", "reviews and corrections by county.csv"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "reviews and corrections by county.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("county,reviews,reviews_corrected,纠正率,lawsuits,lawsuits_corrected\r\n"))
    }

    @Test func oneOutputFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("all.md").path
        let query = BinaryRunner.packageRoot.appendingPathComponent("queries/year-over-year.gkq").path
        let result = try BinaryRunner.run(["run", query, "--format", "markdown", "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // Markdown: a heading per named statement, blank lines around its table.
        #expect(text.contains("## requests 2021 to 2023\n\n| township | 2021 | 2022 | 2023 |"))
    }

    /// `--out` writes into what is there: a symlink stays a symlink (its target gets the output), as a
    /// device like /dev/null must stay a device. A path that cannot be written is named.
    @Test func outputWrittenInPlace() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.md").path
        let link = folder.appendingPathComponent("link.md").path
        try Data("old text that must go\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let query = BinaryRunner.packageRoot.appendingPathComponent("queries/year-over-year.gkq").path
        let result = try BinaryRunner.run(["run", query, "--format", "markdown", "--out", link])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("## requests 2021 to 2023"))
        #expect(!text.contains("old text"))
        let missing = folder.appendingPathComponent("no-such-folder/out.md").path
        let refused = try BinaryRunner.run(["run", query, "--out", missing])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("cannot write \(missing): No such file or directory"))
    }

    @Test func aQueryFileThatIsNotUTF8IsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("gbk.gkq")
        try Data([0xD6, 0xF7, 0xB6, 0xAF, 0xB9, 0xAB, 0xBF, 0xAA]).write(to: file)
        let result = try BinaryRunner.run(["run", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("gbk.gkq is not UTF-8 text; save query files as UTF-8"))
    }

    @Test func pipedStatementsAndMetaCommands() throws {
        let result = try BinaryRunner.run([], stdin: "\u{FEFF}reports by level\n.mode csv\nrequests by county;\nrequests by townshp\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("county,requests\r\n东湖区,"))
        #expect(result.stderr.hasPrefix("<stdin>:4:13: error: unknown dimension “townshp”"))
        let fine = try BinaryRunner.run([], stdin: "reports;\n")
        #expect(fine.status == 0)
        #expect(fine.stdout == "reports\n───────\n     19\n(1 row)\n")
    }

    @Test func pipedInputThatIsNotUTF8IsRefused() throws {
        let result = try BinaryRunner.run([], stdinBytes: [0xD6, 0xF7, 0xB6, 0xAF, 0x0A])
        #expect(result.status == 1)
        #expect(result.stderr.contains("standard input is not UTF-8 text"))
    }
}
