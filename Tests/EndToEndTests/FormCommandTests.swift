import Foundation
import Testing

/// Pages, Word files and PDFs through the built binary: `gongkai parse` and loading a folder that
/// mixes them with files that must be refused.
@Suite(.enabled(if: BinaryRunner.sharedAvailable, "needs ../shared"))
struct FormCommandTests {
    static func fixture(_ name: String) -> String {
        BinaryRunner.packageRoot.appendingPathComponent("Tests/GongkaiKitTests/Fixtures/forms").appendingPathComponent(name).path
    }

    static var pdftotextAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    @Test(arguments: ["seed-site.html", "seed-gbk-layout-table.html", "seed.docx", "seed-libreoffice.docx", "seed-from-word.pdf"])
    func parseReadsEveryForm(name: String) throws {
        if name.hasSuffix(".pdf"), !Self.pdftotextAvailable { return }
        let result = try BinaryRunner.run(["parse", Self.fixture(name)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("title     威海市环翠区羊亭镇2021年政府信息公开工作年度报告"))
        #expect(result.stdout.contains("  total 910  ← 2021年累计主动公开政府信息合计910条"))
        #expect(result.stdout.contains("  requests_received 3"))
        #expect(result.stdout.contains("warnings (0)"), "no warnings, as for the text form")
    }

    @Test func parseShowsTheDocumentTheReaderSaw() throws {
        let result = try BinaryRunner.run(["parse", "--format", "document", Self.fixture("seed.docx")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(Self.fixture("seed.docx")): Word .docx\nL1 ¶ 威海市环翠区羊亭镇2021年政府信息公开工作年度报告\n"))
        #expect(result.stdout.contains("    | 三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"))
    }

    @Test func aFolderOfMixedFormsLoadsWhatIsAReportAndNamesTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names = ["seed-site.html", "seed.docx", "refused-old-word.doc", "refused-list-page.html", "refused-encrypted.docx"]
        if Self.pdftotextAvailable { names += ["seed-from-word.pdf", "refused-scanned.pdf"] }
        for name in names { try FileManager.default.copyItem(atPath: Self.fixture(name), toPath: folder.appendingPathComponent(name).path) }
        let result = try BinaryRunner.run(["-c", "sql SELECT encoding, count(*) AS n, sum(active_total) AS active FROM report GROUP BY 1 ORDER BY 1", folder.path])
        #expect(result.status == 1, "refused files make the exit status 1")
        // Three forms of one report: loaded once (the first file in order), the others named as the same report.
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        let first = Self.pdftotextAvailable ? "PDF 1 910" : "HTML, UTF-8 1 910"
        #expect(rows.contains(first))
        #expect(rows.last == "(1 row)")
        #expect(result.stderr.contains("seed.docx is the same report as \(folder.path)/\(Self.pdftotextAvailable ? "seed-from-word.pdf" : "seed-site.html") (same title, body, year and numbers, in another form); skipped"))
        #expect(result.stderr.contains("refused-old-word.doc: an old binary Word .doc file: save it as .docx"))
        #expect(result.stderr.contains("refused-list-page.html: an HTML page that holds no annual report"))
        #expect(result.stderr.contains("refused-encrypted.docx: a password-protected (encrypted) Word file"))
        if Self.pdftotextAvailable { #expect(result.stderr.contains("refused-scanned.pdf: a PDF with no text layer (a scanned document?): it needs OCR")) }
    }
}
