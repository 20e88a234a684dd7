/// The encoding of a saved web page: a byte-order mark first, then the page's own declaration
/// (`<meta charset="gbk">` or `http-equiv … content="text/html; charset=gb2312"`), then detection as
/// for text files. Pages that declare UTF-8 but were saved as GBK exist; the bytes win, with a warning.
enum HTMLEncoding {
    struct Decoded {
        var text: String
        var encoding: String
        var warning: ParseWarning?
    }

    static func decode(_ bytes: [UInt8], file: String) throws(ReadError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let decoded = try TextDecoder.decode(bytes, file: file)
            return Decoded(text: decoded.text, encoding: decoded.encoding.rawValue)
        }
        let declared = declaredCharset(bytes)
        switch declared.map(family) {
        case .utf8?:
            if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: "UTF-8") }
            if let text = TextDecoder.gb18030(bytes) {
                return Decoded(text: text, encoding: "GB18030", warning: ParseWarning(
                    code: "encoding_mismatch", message: "the page declares \(declared ?? "UTF-8") but its bytes are GBK/GB18030; read as GB18030"))
            }
        case .gb?:
            if let text = TextDecoder.gb18030(bytes) { return Decoded(text: text, encoding: "GB18030 (declared \(declared ?? ""))") }
            if let text = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: text, encoding: "UTF-8", warning: ParseWarning(
                    code: "encoding_mismatch", message: "the page declares \(declared ?? "GBK") but its bytes are UTF-8; read as UTF-8"))
            }
        case .other?:
            if let name = declared, let text = TextDecoder.iconvToUTF8(bytes, from: name) { return Decoded(text: text, encoding: name.uppercased()) }
        case nil:
            break
        }
        let decoded = try TextDecoder.decode(bytes, file: file)
        return Decoded(text: decoded.text, encoding: decoded.encoding.rawValue)
    }

    enum Family { case utf8, gb, other }

    static func family(_ charset: String) -> Family {
        switch charset.lowercased() {
        case "utf-8", "utf8": return .utf8
        case "gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312": return .gb
        default: return .other
        }
    }

    /// The charset a page declares in its first 4 KB, lowercased, or nil.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        while index + needle.count < head.count {
            guard head[index..<index + needle.count].elementsEqual(needle) else { index += 1; continue }
            var cursor = index + needle.count
            while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else { index = cursor; continue }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            var name: [UInt8] = []
            while cursor < head.count, name.count < 40 {
                let byte = head[cursor]
                let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                guard isNameByte else { break }
                name.append(byte)
                cursor += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            index = cursor
        }
        return nil
    }
}
