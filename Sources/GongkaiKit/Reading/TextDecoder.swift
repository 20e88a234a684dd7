#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes to text. The encoding is detected, never assumed: a BOM first, then strict UTF-8, then
/// UTF-16 without a BOM (every other byte NUL), then GB18030 (a superset of GBK and GB2312, the
/// encodings of Chinese Windows) through iconv. Files that are none of these are refused with a
/// message that says what they look like, so a PDF or a picture is never read as mojibake.
public enum TextDecoder {
    public enum Encoding: String, Sendable, Codable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(ReadError) -> Decoded {
        let decoded = try decodeAny(bytes, file: file)
        if let problem = controlCharacters(in: decoded.text) { throw ReadError(file: file, reason: problem) }
        return decoded
    }

    /// Text holds line ends, tabs and form feeds; NUL and other control characters belong to binary data
    /// (a file of NULs decodes as UTF-16 NULs, and would load as an empty "report"). A few stray ones are
    /// tolerated (the normaliser drops NULs, a page may keep a stray ESC); more than 1 in 100 is binary.
    static func controlCharacters(in text: String) -> String? {
        // On bytes (a control character is one byte in UTF-8): most text has none, and costs one scan.
        let (controls, total) = FastText.withBytes(text) { bytes -> (Int, Int) in
            var controls = 0, characters = 0
            for byte in bytes.prefix(1 << 18) {
                if byte & 0xC0 != 0x80 { characters += 1 }
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F { controls += 1 }
            }
            return (controls, characters)
        }
        guard controls > 2, controls * 100 > total else { return nil }
        return "binary data (\(controls) control characters in the first \(total) characters), not a text report"
    }

    static func decodeAny(_ bytes: [UInt8], file: String) throws(ReadError) -> Decoded {
        if bytes.isEmpty { throw ReadError(file: file, reason: "the file is empty") }
        if let kind = binaryKind(bytes) { throw ReadError(file: file, reason: kind) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw ReadError(file: file, reason: "starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return Decoded(text: text, encoding: .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false, file: file) }
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: .utf8)
        }
        if let littleEndian = bomlessUTF16(bytes) { return try utf16(bytes[...], littleEndian: littleEndian, file: file) }
        if bytes.contains(0) {
            throw ReadError(file: file, reason: "binary data (NUL bytes), not a text report")
        }
        if let text = gb18030(bytes), looksLikeChinese(text) {
            return Decoded(text: text, encoding: .gb18030)
        }
        throw ReadError(file: file, reason: "not text in UTF-8, UTF-16 or GB18030/GBK" + (firstInvalidUTF8(bytes).map { " (the first byte that is not UTF-8 is at offset \($0))" } ?? ""))
    }

    /// Where UTF-8 decoding first fails, to point at the damage.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Formats recognised by their first bytes; these are refused with their name. (PDF, .docx and
    /// .doc never get here from `ReportReader`: `SourceForm` sends them to their own readers first.)
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let magic: [([UInt8], String)] = [
            (Array("%PDF".utf8), "a PDF file, not text (convert it with `pdftotext -layout`)"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (a Word .docx?), not text"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old binary Word .doc (OLE) file, not text: save it as .docx or .txt"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image, not text (a scanned page needs OCR)"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image, not text (a scanned page needs OCR)"),
            (Array("GIF8".utf8), "a GIF image, not text"),
            ([0x1F, 0x8B], "gzip-compressed data, not text"),
        ]
        for (prefix, kind) in magic where bytes.starts(with: prefix) { return kind }
        return nil
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool, file: String) throws(ReadError) -> Decoded {
        guard body.count % 2 == 0 else {
            throw ReadError(file: file, reason: "UTF-16 text with an odd number of bytes (truncated?)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw ReadError(file: file, reason: "UTF-16 text with invalid surrogates")
        }
        return Decoded(text: text, encoding: littleEndian ? .utf16LE : .utf16BE)
    }

    /// UTF-16 without a BOM: in CJK text half the bytes are not NUL, but ASCII punctuation, digits and
    /// line ends are, always on the same side.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in bytes.prefix(4096).enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let sample = min(bytes.count, 4096) / 2
        // CJK code points such as U+4E00 put a NUL on the other side now and then; ASCII always on one.
        if oddZeros * 10 >= sample, oddZeros >= 2 * evenZeros { return true }
        if evenZeros * 10 >= sample, evenZeros >= 2 * oddZeros { return false }
        return nil
    }

    static func gb18030(_ bytes: [UInt8]) -> String? { iconvToUTF8(bytes, from: "GB18030") }

    /// Converts with iconv; nil when the encoding is unknown or the bytes are not valid in it.
    static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var unused = 0
        let failed: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return true }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return true }
                unused = outLeft
                return false
            }
        }
        if failed { return nil }
        return String(validating: output.dropLast(unused), as: UTF8.self)
    }

    /// GB18030 maps almost any byte string to some characters; real Chinese text is mostly common
    /// CJK ideographs, ASCII and CJK punctuation.
    static func looksLikeChinese(_ text: String) -> Bool {
        var plausible = 0, total = 0
        for scalar in text.unicodeScalars.prefix(5000) {
            total += 1
            let v = scalar.value
            if v < 0x80 || (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
                || (0x2000...0x206F).contains(v) {
                plausible += 1
            }
        }
        return total > 0 && plausible * 100 >= total * 95
    }
}
