import Testing
@testable import GongkaiKit

/// Bytes to text: what is detected, and what is refused with a message that says what the file is.
struct DecodingTests {
    static let sample = "威海市环翠区羊亭镇2021年政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息合计９１０条。\n"

    @Test func detectsEachEncoding() throws {
        let expectations: [(TextEncoding.Variant, TextDecoder.Encoding)] = [
            (.utf8, .utf8), (.utf8BOM, .utf8BOM), (.gb18030, .gb18030), (.utf16LE, .utf16LE), (.utf16BE, .utf16BE),
        ]
        for (variant, encoding) in expectations {
            let decoded = try TextDecoder.decode(TextEncoding.encode(Self.sample, as: variant), file: "f.txt")
            #expect(decoded.encoding == encoding)
            #expect(decoded.text == Self.sample)
        }
    }

    @Test func utf16WithoutBOMIsDetected() throws {
        let bytes = Array(TextEncoding.encode(Self.sample, as: .utf16LE).dropFirst(2))
        #expect(try TextDecoder.decode(bytes, file: "f.txt").encoding == .utf16LE)
    }

    @Test func normalizesLineEndsAndFullWidthDigits() {
        let text = TextNormalizer.normalize("a\r\nb\rc\n１２３－４．５")
        #expect(text == "a\nb\nc\n123-4.5")
        let report = ReportReader().read(text: Self.sample, file: "f.txt")
        #expect(report.activeTotal?.value == 910)
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), "a PDF file"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], "a zip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1], "old binary Word .doc"),
        ([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x7F], "binary data"),
        ([UInt8](), "the file is empty"),
        ([0xEF, 0xBB, 0xBF, 0xC3, 0x28], "not valid UTF-8"),
        ([0x81, 0x20, 0xFE, 0x7F, 0x80, 0xFF, 0x81, 0x81], "not text in UTF-8, UTF-16 or GB18030"),
        // The damage is pointed at: the byte offset where UTF-8 first fails.
        (Array("一、总体情况\n".utf8) + [0x81, 0x20, 0xFE, 0x7F, 0x80, 0xFF, 0x81, 0x81], "the first byte that is not UTF-8 is at offset 19"),
        // A file of NULs reads as UTF-16 NULs; control bytes are valid UTF-8: both are binary, not text.
        ([UInt8](repeating: 0, count: 4000), "binary data"),
        (Array(repeating: [0x01, 0x02, 0x1B, 0x41, 0x42], count: 200).flatMap { $0 }, "binary data"),
    ] as [([UInt8], String)])
    func refusesWhatIsNotAReport(bytes: [UInt8], says: String) {
        #expect {
            try TextDecoder.decode(bytes, file: "report.bin")
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("report.bin: ") && message.contains(says)
        }
    }

    @Test func missingFileAndFolderAreRefusedByName() {
        #expect(throws: ReadError.self) { try ReportReader().read(file: "/nonexistent/报告.txt") }
        do {
            _ = try ReportReader().read(file: "/tmp")
            Issue.record("a directory was read")
        } catch {
            #expect(error.description == "/tmp: is a directory")
        }
    }
}
