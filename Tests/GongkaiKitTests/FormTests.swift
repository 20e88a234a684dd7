import Foundation
import Testing
import ZIPFoundation
@testable import GongkaiKit

/// The seed report (a real one) in the forms reports are published in — a site's page, an old GBK
/// page laid out with tables, Word files written by gongkai and by LibreOffice, PDFs printed from
/// Word and from a page — each read back to the values of the text form. The fixtures are made by
/// scripts/make-form-fixtures and committed.
@Suite(.enabled(if: SharedFiles.seedPath != nil, "needs ../shared"))
struct FormTests {
    static let folder = SharedFiles.fixture("forms")

    static func fixture(_ name: String) -> String { folder + "/" + name }

    static var seed: Report {
        get throws { try ReportReader().read(file: try #require(SharedFiles.seedPath)) }
    }

    static var pdftotextAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    @Test(arguments: ["seed-site.html", "seed-gbk-layout-table.html", "seed.docx", "seed-libreoffice.docx"])
    func everyFormReadsAsTheText(name: String) throws {
        let read = try ReportReader().readSource(bytes: FileBytes.read(Self.fixture(name)), file: name)
        let seed = try Self.seed
        RoundTripTests.compare(read.report, seed, name)
        #expect(read.report.title == seed.title, "\(name): title")
        #expect(read.report.warnings == seed.warnings, "\(name): warnings")
    }

    @Test(.enabled(if: pdftotextAvailable, "needs pdftotext (poppler-utils; scripts/setup installs it)"),
          arguments: ["seed-from-word.pdf", "seed-from-page.pdf"])
    func pdfsReadAsTheText(name: String) throws {
        let read = try ReportReader().readSource(bytes: FileBytes.read(Self.fixture(name)), file: name)
        RoundTripTests.compare(read.report, try Self.seed, name)
        #expect(read.form == "PDF")
        #expect(read.report.title == (try Self.seed).title, "\(name): title")
    }

    /// A synthetic report with values in every column, printed to PDF from Word (labels at the top of
    /// their cells, no padding) and from a page (labels centred, rows apart): the same values as its text.
    @Test(.enabled(if: pdftotextAvailable, "needs pdftotext (poppler-utils; scripts/setup installs it)"),
          arguments: ["synthetic-from-word.pdf", "synthetic-from-page.pdf"])
    func syntheticPDFsReadAsTheirText(name: String) throws {
        let text = try ReportReader().read(file: Self.fixture("synthetic.txt"))
        let read = try ReportReader().read(file: Self.fixture(name))
        RoundTripTests.compare(read, text, name)
        #expect(read.requests.contains { $0.value.number ?? 0 > 0 } && read.reviews.contains { $0.value.number ?? 0 > 0 })
    }

    @Test func theFormIsNamedAndTheGBKPageDetected() throws {
        let page = try ReportReader().readSource(bytes: FileBytes.read(Self.fixture("seed-gbk-layout-table.html")), file: "p.html")
        #expect(page.form == "HTML, GB18030 (declared gbk)")
        let utf8 = try ReportReader().readSource(bytes: FileBytes.read(Self.fixture("seed-site.html")), file: "p.html")
        #expect(utf8.form == "HTML, UTF-8")
        let docx = try ReportReader().readSource(bytes: FileBytes.read(Self.fixture("seed.docx")), file: "d.docx")
        #expect(docx.form == "Word .docx")
    }

    /// The page's navigation, breadcrumbs, hidden text, script, sidebar and footer stay out of the report.
    @Test func siteChromeStaysOut() throws {
        let document = try ReportReader().readDocument(bytes: FileBytes.read(Self.fixture("seed-site.html")), file: "p.html").document
        let text = document.blocks.map(\.plainText).joined(separator: "\n")
        for outside in ["首页", "当前位置", "隐藏的文字", "脚本里的字", "相关文章", "版权所有", "法定主动公开内容", "分享到"] {
            #expect(!text.contains(outside), "“\(outside)” is not the report's")
        }
        guard case .paragraph(let first) = document.blocks.first else {
            Issue.record("the document should open with the title")
            return
        }
        #expect(first.text == "威海市环翠区羊亭镇2021年政府信息公开工作年度报告")
        #expect(first.line > 1, "lines point into the page's source")
    }

    /// colspan/rowspan put every value in its column, and the merged cells' text stands in each
    /// position they cover, while the reading order meets each once.
    @Test func mergedCellsLandInTheirColumns() throws {
        let document = try ReportReader().readDocument(bytes: FileBytes.read(Self.fixture("seed-site.html")), file: "p.html").document
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        let requests = try #require(tables.first { $0.rows.first?.last == "申请人情况" })
        #expect(requests.rows.allSatisfy { $0.count == 10 }, "three label columns and seven applicant columns in every row")
        #expect(requests.rows[1][3] == "自然人" && requests.rows[2][3] == "自然人", "rowspan=2 covers the row below")
        #expect(requests.rows[2][4...8] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        let handled = try #require(requests.rows.firstIndex { $0[0] == "三、本年度办理结果" })
        #expect(requests.rows[handled + 5][0] == "三、本年度办理结果", "the outcome block's label spans its rows")
        #expect(requests.covered.contains(GridPosition(row: handled + 5, column: 0)))
        #expect(requests.cellsInOrder.filter { $0.text == "三、本年度办理结果" }.count == 1)
        let reviews = try #require(tables.first { $0.rows.first?.first == "行政复议" })
        #expect(reviews.rows.last?.count == 15)
        #expect(reviews.rows[1][5...9].allSatisfy { $0 == "未经复议直接起诉" })
    }

    @Test func lineBreaksInsideCellsAreKept() throws {
        let document = try ReportReader().readDocument(bytes: FileBytes.read(Self.fixture("seed-site.html")), file: "p.html").document
        let cells = document.blocks.flatMap { block -> [String] in
            if case .table(let table) = block { return table.rows.flatMap { $0 } }
            return []
        }
        #expect(cells.contains("一、本年新收\n政府信息公开申请数量"))
    }

    @Test(arguments: [
        ("refused-list-page.html", "an HTML page that holds no annual report"),
        ("refused-old-word.doc", "an old binary Word .doc file: save it as .docx"),
        ("refused-encrypted.docx", "a password-protected (encrypted) Word file"),
        ("refused-scanned.pdf", "a PDF with no text layer (a scanned document?): it needs OCR"),
    ])
    func refusals(name: String, says: String) throws {
        if name.hasSuffix(".pdf"), !Self.pdftotextAvailable { return }
        let bytes = try FileBytes.read(Self.fixture(name))
        #expect {
            try ReportReader().read(bytes: bytes, file: name)
        } throws: { error in
            "\(error)".hasPrefix("\(name): \(says)")
        }
    }

    @Test func damagedZipsAreRefused() throws {
        let docx = try FileBytes.read(Self.fixture("seed.docx"))
        for cut in [docx.count / 2, docx.count - 30, 40] {
            #expect {
                try ReportReader().read(bytes: Array(docx.prefix(cut)), file: "cut.docx")
            } throws: { error in
                "\(error)".contains("cannot be opened (truncated or damaged .docx?)") || "\(error)".contains("cannot be unpacked")
            }
        }
        let archive = try ZIPWriting.archive(["readme.txt": "not a report"])
        #expect {
            try ReportReader().read(bytes: archive, file: "x.zip")
        } throws: { error in
            "\(error)" == "x.zip: a zip archive but not a Word .docx (no word/document.xml; it holds readme.txt…)"
        }
    }

    /// The form is told by the bytes: a page saved as .txt, a .docx named .doc, a PDF named .html.
    @Test func mislabelledFilesStillRead() throws {
        let seed = try Self.seed
        for (fixture, name) in [("seed-site.html", "report.txt"), ("seed.docx", "report.doc"), ("seed-from-word.pdf", "report.html")] {
            if fixture.hasSuffix(".pdf"), !Self.pdftotextAvailable { continue }
            let read = try ReportReader().read(bytes: FileBytes.read(Self.fixture(fixture)), file: name)
            RoundTripTests.compare(read, seed, "\(fixture) as \(name)")
        }
    }

    /// A page that declares UTF-8 but was saved as GBK: the bytes win, and the report says so.
    @Test func aWrongCharsetDeclarationIsOverruled() throws {
        let page = String(decoding: try FileBytes.read(Self.fixture("seed-site.html")), as: UTF8.self)
        let gbk = TextEncoding.encode(page, as: .gb18030)
        let read = try ReportReader().readSource(bytes: gbk, file: "p.html")
        #expect(read.form == "HTML, GB18030")
        #expect(read.report.warnings.first?.code == "encoding_mismatch")
        RoundTripTests.compare(read.report, try Self.seed, "GBK bytes declared UTF-8")
    }
}

/// Damaged pages, Word files and PDF text never crash the reader: each either reads or is refused.
struct FormRobustnessTests {
    @Test func damagedFilesAreReadOrRefused() throws {
        var generator = SystemRandomNumberGenerator()
        for name in ["seed-site.html", "seed-gbk-layout-table.html", "seed.docx", "seed-libreoffice.docx"] {
            let bytes = try FileBytes.read(FormTests.fixture(name))
            for _ in 0..<25 {
                var damaged = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
                for _ in 0..<Int.random(in: 0...20, using: &generator) where !damaged.isEmpty {
                    damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                _ = try? ReportReader().read(bytes: damaged, file: name)
            }
        }
    }

    @Test func anyColumnTextIsReadIntoADocument() {
        let pieces = ["规章", "0", "12", "  ", "   ", "\u{0C}", "\n", "（三）", "1.属于", "行政复议", "结果", "- 2 -", "。", "第二十条第（一）项", "一、总体情况", "a", "3.5"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let document = PDFLayoutReader().read(text)
            _ = ReportReader().read(document: document, file: "fuzz.pdf")
        }
    }
}

/// A zip written in memory, for the refusal tests.
enum ZIPWriting {
    static func archive(_ files: [String: String], compressed: Bool = false) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compressed ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }
}
