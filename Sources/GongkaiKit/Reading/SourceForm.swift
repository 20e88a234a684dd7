/// The form a report file is in, told by its content (magic bytes, markup), never by its name alone: a
/// page saved as `.txt` or a .docx renamed `.doc` still reads.
enum SourceForm: Equatable {
    case text
    case html
    case docx
    case pdf

    static func of(_ bytes: [UInt8], file: String) throws(ReadError) -> SourceForm {
        if bytes.starts(with: Array("%PDF".utf8)) || pdfAfterJunk(bytes) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw ReadError(file: file, reason: "an empty zip archive, not a report") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw ReadError(file: file, reason: oleKind(bytes)) }
        if looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// Some servers put a few bytes (a BOM, a blank line) before `%PDF`; readers accept it in the first KB.
    static func pdfAfterJunk(_ bytes: [UInt8]) -> Bool {
        contains(Array(bytes.prefix(1024)), Array("%PDF-".utf8))
    }

    /// An OLE compound file is either an old Word .doc or an encrypted Office file (Office wraps a
    /// password-protected .docx in OLE, with an `EncryptedPackage` stream).
    static func oleKind(_ bytes: [UInt8]) -> String {
        let encrypted = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        if contains(bytes, encrypted) {
            return "a password-protected (encrypted) Word file: open it in Word or WPS, remove the password (文件 → 信息 → 保护文档), save as .docx"
        }
        return "an old binary Word .doc file: save it as .docx in Word or WPS (另存为 → .docx), or convert it with `libreoffice --headless --convert-to docx FILE`"
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { FastText.search(haystack, $0) != nil } }
    }

    /// Markup: after any BOM and spaces the file opens with a tag, and its first 2 KB hold one of the
    /// elements a page has. Decided on bytes, before the encoding is known (tags are ASCII in UTF-8
    /// and GBK alike; UTF-16 pages are looked at through their low bytes).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var head = Array(bytes.prefix(4096))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { head = head.filter { $0 != 0 } }
        var index = 0
        while index < head.count, [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 }
        guard index < head.count, head[index] == UInt8(ascii: "<") else { return false }
        let lowered = String(decoding: head[index...].prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<table", "<p>", "<p ", "<title"].contains { lowered.contains($0) }
    }
}
