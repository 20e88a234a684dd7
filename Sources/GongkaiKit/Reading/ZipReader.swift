import CInflate

/// The one part of a .docx that gongkai reads (`word/document.xml`), taken out of the zip by its own
/// bounded reader over zlib. ZIPFoundation 0.9.20 was not safe on damaged archives: it builds ranges
/// from the directory's offsets without checking them (an offset past the end stopped the program: 26 of
/// 400 byte-flipped copies of one .docx), and it inflates a stream cut short for ever (2 of 400). Here
/// every offset is checked against the file before it is used, nothing is allocated by what the archive
/// claims, inflating stops at a limit whatever the header says, a stream must end inside its compressed
/// bytes, and the CRC-32 must match. (ZIPFoundation still writes the .docx fixtures gongkai makes.)
struct ZipReader {
    struct Entry {
        var name: String
        var method: Int
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var dataStart: Int
    }

    struct Damaged: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws(Damaged) {
        self.bytes = bytes
        entries = try Self.directory(bytes)
    }

    subscript(name: String) -> Entry? { entries.first { $0.name == name } }

    /// The central directory, every entry's local header and data checked to lie inside the file.
    static func directory(_ bytes: [UInt8]) throws(Damaged) -> [Entry] {
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard count >= 22 else { throw Damaged(description: "too short for a zip archive") }
        // The end-of-central-directory record: within the last 64 KB + 22 bytes (its comment is ≤ 64 KB).
        var end = -1
        var at = count - 22
        while at >= max(0, count - 22 - 65_535) {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw Damaged(description: "no end-of-directory record (truncated?)") }
        let total = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryStart = u32(end + 16)
        // Zip64 archives put the real values elsewhere; a report's .docx is never one.
        if total == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF {
            throw Damaged(description: "a zip64 archive, which a .docx never is")
        }
        guard directoryStart + directorySize <= end else { throw Damaged(description: "its directory lies past the end of the file") }
        var entries: [Entry] = []
        var position = directoryStart
        for _ in 0..<total {
            guard position + 46 <= end, u32(position) == 0x0201_4B50 else { throw Damaged(description: "a damaged directory entry") }
            let nameLength = u16(position + 28), extraLength = u16(position + 30), commentLength = u16(position + 32)
            guard position + 46 + nameLength <= end else { throw Damaged(description: "a directory entry whose name runs past the directory") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let compressed = u32(position + 20)
            let local = u32(position + 42)
            guard local + 30 <= count, u32(local) == 0x0403_4B50 else { throw Damaged(description: "an entry whose data lies outside the file") }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart <= count, compressed <= count - dataStart else { throw Damaged(description: "an entry whose data runs past the end of the file") }
            entries.append(Entry(name: name, method: u16(position + 10), crc: UInt32(u32(position + 16)), compressedSize: compressed,
                                 uncompressedSize: u32(position + 24), dataStart: dataStart))
            position += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    struct TooLarge: Error {}

    /// The entry's bytes: stored, or inflated — at most `limit` bytes, whatever the header says.
    func extract(_ entry: Entry, limit: Int) throws -> [UInt8] {
        let data = bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw TooLarge() }
            output = Array(data)
        case 8:
            output = try Self.inflate(Array(data), limit: limit)
        default:
            throw Damaged(description: "an entry compressed with method \(entry.method), which Word does not use")
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc else { throw Damaged(description: "its document part fails its checksum") }
        return output
    }

    /// A raw deflate stream, inflated in 64 KB steps; it must end inside `input`.
    static func inflate(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard gongkai_inflate_init_raw(&stream) == Z_OK else { throw Damaged(description: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        return try input.withUnsafeMutableBufferPointer { source -> [UInt8] in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = CInflate.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                guard output.count + produced <= limit else { throw TooLarge() }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END: return output
                case Z_OK: continue
                case Z_BUF_ERROR where produced == 0:
                    throw Damaged(description: "its document part ends before its compressed stream does (truncated?)")
                case Z_BUF_ERROR: continue
                default: throw Damaged(description: "its document part is not a valid compressed stream")
                }
            }
        }
    }
}
