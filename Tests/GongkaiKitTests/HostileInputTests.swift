import Foundation
import Testing
@testable import GongkaiKit

/// Hostile and damaged input: refused with a message, never a crash, a hang or runaway memory.
struct HostileInputTests {
    static func docx(_ documentXML: String, compressed: Bool = true) throws -> [UInt8] {
        try ZIPWriting.archive(["word/document.xml": documentXML, "[Content_Types].xml": "<Types/>"], compressed: compressed)
    }

    static func refusal(_ bytes: [UInt8], _ name: String = "x.docx") -> String? {
        do {
            _ = try ReportReader().read(bytes: bytes, file: name)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let wordOpen = #"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
    static let wordClose = "</w:body></w:document>"

    /// Entities declared in a DTD (which once looped for ever through the declarations).
    @Test func aDocxWithADTDIsRefused() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
        #expect(Self.refusal(try Self.docx(xml))?.contains("declares a DTD") == true)
    }

    /// 100,000 levels of content controls: refused before any recursive walk.
    @Test func deeplyNestedDocxIsRefused() throws {
        let depth = 100_000
        let xml = Self.wordOpen + String(repeating: "<w:sdt><w:sdtContent>", count: depth) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
            + String(repeating: "</w:sdtContent></w:sdt>", count: depth) + Self.wordClose
        #expect(Self.refusal(try Self.docx(xml))?.contains("nest deeper than 256 levels") == true)
        // 200 levels are read.
        let shallow = Self.wordOpen + String(repeating: "<w:sdt><w:sdtContent>", count: 100) + "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
            + String(repeating: "</w:sdtContent></w:sdt>", count: 100) + Self.wordClose
        let document = try DocxReader().read(try Self.docx(shallow), file: "x.docx")
        #expect(document.blocks.count == 1)
    }

    /// Inflating stops at the limit whatever the header says; a stream cut short is refused, not
    /// inflated for ever; offsets past the end are refused.
    @Test func zipDamageAndBombs() throws {
        let big = String(repeating: "政府信息公开", count: 200_000)
        let bytes = try Self.docx(Self.wordOpen + "<w:p><w:r><w:t>" + big + "</w:t></w:r></w:p>" + Self.wordClose)
        let archive = try ZipReader(bytes)
        let entry = try #require(archive["word/document.xml"])
        #expect(entry.compressedSize < entry.uncompressedSize / 10)
        #expect(throws: ZipReader.TooLarge.self) { try archive.extract(entry, limit: 1 << 20) }
        #expect(try archive.extract(entry, limit: 8 << 20).count == entry.uncompressedSize)
        // The compressed size cut in the directory: the stream ends early.
        var cut = bytes
        let directory = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], in: cut, name: "word/document.xml"))
        cut[directory + 20] = 0x10
        cut[directory + 21] = 0x00
        cut[directory + 22] = 0x00
        cut[directory + 23] = 0x00
        #expect(Self.refusal(cut)?.contains("cannot be unpacked") == true)
        // The local header's offset past the end of the file.
        var far = bytes
        far[directory + 42] = 0xFF
        far[directory + 45] = 0x7F
        #expect(Self.refusal(far)?.contains("cannot be opened") == true)
    }

    /// Byte-flipped copies of a real .docx (the directory and headers included): read or refused, never
    /// a crash or a hang. (ZIPFoundation crashed on 26 of 400 and hung on 2.)
    @Test func byteFlippedDocxNeverCrash() throws {
        let source = try FileBytes.read(FormTests.fixture("seed.docx"))
        var generator = SplitMix(seed: 7)
        for _ in 0..<400 {
            var bytes = source
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = Self.refusal(bytes)
        }
    }

    /// A directory entry for `name`, by its signature.
    static func find(_ signature: [UInt8], in bytes: [UInt8], name: String) -> Int? {
        let nameBytes = Array(name.utf8)
        for index in 0..<(bytes.count - 46 - nameBytes.count) where Array(bytes[index..<index + 4]) == signature {
            if Array(bytes[(index + 46)..<(index + 46 + nameBytes.count)]) == nameBytes { return index }
        }
        return nil
    }

    /// Cells × spans are bounded: 8,000 cells of colspan=64 rowspan=64 would lay out 32 million.
    @Test func spanAmplificationIsBounded() throws {
        let cells = String(repeating: "<td colspan=64 rowspan=64>1</td>", count: 100)
        let rows = String(repeating: "<tr>" + cells + "</tr>", count: 80)
        let page = "<html><body><p>一、总体情况</p><table>" + rows + "</table><p>二、主动公开政府信息情况</p></body></html>"
        let refusal = Self.refusal(Array(page.utf8), "x.html")
        #expect(refusal?.contains("cells") == true, "\(refusal ?? "read")")
    }

    /// Only regular files are read, and not past the size limit.
    @Test func devicesAndFIFOsAreRefused() throws {
        #expect(throws: ReadError.self) { try FileBytes.read("/dev/zero") }
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("gk-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        do {
            _ = try FileBytes.read(fifo)
            Issue.record("a FIFO was read")
        } catch {
            #expect("\(error)".contains("FIFO"))
        }
        let small = FileManager.default.temporaryDirectory.appendingPathComponent("gk-big-\(UUID().uuidString)").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: small))
        defer { unlink(small) }
        #expect(throws: ReadError.self) { try FileBytes.read(small, limit: 1024) }
    }
}

/// A small seeded generator, so a fuzz smoke run is the same every time.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Statements built to break the compiler: errors with a message, never a crash.
struct HostileStatementTests {
    static func failure(_ statement: String) throws -> String? {
        let session = try Session.open(path: nil)
        do {
            _ = try session.execute(statement)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func hugeNumbersNestingAndChains() throws {
        #expect(try Self.failure("reports where year = 9223372036854775807") == "“9223372036854775807” is too large for “year”")
        #expect(try Self.failure("reports where year = 1e400") != nil)
        #expect(try Self.failure("reports where " + String(repeating: "(", count: 30_000) + "year = 2021" + String(repeating: ")", count: 30_000))
                == "the statement nests more than 200 levels")
        #expect(try Self.failure("reports where " + String(repeating: "not ", count: 30_000) + "year = 2021") == "the statement nests more than 200 levels")
        #expect(try Self.failure(String(repeating: "explain ", count: 30_000) + "reports") == "the statement nests more than 200 levels")
        #expect(try Self.failure("reports, " + Array(repeating: "reports", count: 30_000).joined(separator: " + ")) == "the statement chains more than 200 operators")
        #expect(try Self.failure("reports where " + Array(repeating: "year = 2021", count: 900).joined(separator: " or ")) == "the statement chains more than 200 operators")
        #expect(try Self.failure("reports where year = " + String(repeating: "-", count: 30_000) + "1") != nil)
        // 30,000 Chinese names run together: segmented without recursion, then an ordinary error.
        #expect(try Self.failure(String(repeating: "申请", count: 30_000))?.hasPrefix("expected") == true)
        // Within the limits, long statements still run.
        #expect(try Self.failure("reports where " + Array(repeating: "year = 2021", count: 150).joined(separator: " or ")) == nil)
    }

    @Test func infiniteValuesChartWithoutABar() {
        let result = ResultSet(columns: ["k", "v"], rows: [[.text("a"), .real(.infinity)], [.text("b"), .integer(3)], [.text("c"), .real(-.infinity)]])
        let chart = BarChartRenderer.render(result, width: 40)
        #expect(chart.contains("a  inf"))
        #expect(chart.contains("b    3 ██"))
    }
}

/// Walking folders: loops, FIFOs and names that are not UTF-8 are passed over, each named.
struct FolderWalkTests {
    @Test func loopsFIFOsAndForeignNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gk-walk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/sub/a.txt"))
        // Two symlinks to the folder itself and one to its parent: walked once each.
        #expect(symlink(".", folder + "/a") == 0)
        #expect(symlink(".", folder + "/b") == 0)
        #expect(symlink("..", folder + "/sub/up") == 0)
        #expect(mkfifo(folder + "/pipe.txt", 0o600) == 0)
        // A GBK name (羊亭镇 in GBK bytes): not UTF-8.
        let gbkName = folder.utf8CString.dropLast().map { UInt8(bitPattern: $0) } + Array("/".utf8) + [0xD1, 0xF2, 0xCD, 0xA4, 0xD5, 0xF2] + Array(".txt".utf8) + [0]
        let descriptor = gbkName.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { open(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) } ?? -1
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let walked = FileBytes.walk(folder)
        #expect(walked.files == [folder + "/sub/a.txt"])
        #expect(walked.skipped.contains { $0.contains("pipe.txt: not a regular file") })
        #expect(walked.skipped.contains { $0.contains("its name is not UTF-8") })
        let expansion = try ReportPaths.expand([folder])
        #expect(expansion.files == [folder + "/sub/a.txt"])
        #expect(expansion.notes.count == 2)
    }
}
