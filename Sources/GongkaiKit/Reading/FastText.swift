/// Byte-level text tests for the reader's hot paths. Swift's `String.contains`, `hasPrefix` and `==` work
/// on Characters and normalise non-ASCII text on the way, which dominated parsing time; the labels and
/// keys compared here are already folded, so comparing their UTF-8 bytes gives the same answers.
extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in this text.
    @inline(__always)
    func has(_ needle: String) -> Bool {
        FastText.search(self, needle) != nil
    }

    func startsWith(_ prefix: String) -> Bool {
        FastText.withBytes(self) { haystack in
            FastText.withBytes(prefix) { needle in FastText.equal(haystack, from: 0, needle) }
        }
    }

    func endsWith(_ suffix: String) -> Bool {
        FastText.withBytes(self) { haystack in
            FastText.withBytes(suffix) { needle in FastText.equal(haystack, from: haystack.count - needle.count, needle) }
        }
    }

    /// The range of the first occurrence of `needle`, found on the UTF-8 bytes: what `firstRange(of:)`
    /// answers for the folded CJK text the reader searches, without its Character-by-Character matching
    /// (which was 7 % of parsing). The needle is whole scalars, so the bounds are scalar boundaries.
    func byteRange(of needle: String) -> Range<Index>? {
        guard let offset = FastText.search(self, needle) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Byte equality (no Unicode normalisation).
    func same(_ other: String) -> Bool {
        FastText.withBytes(self) { a in FastText.withBytes(other) { b in a.count == b.count && FastText.equal(a, from: 0, b) } }
    }
}

enum FastText {
    /// Runs `body` over the text's UTF-8 bytes without copying when the storage allows it. Never an
    /// empty buffer without a base address: an empty text is given a one-byte buffer of count 0.
    @inline(__always)
    static func withBytes<S: StringProtocol, R>(_ text: S, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer -> R in
            if buffer.baseAddress == nil { return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0.baseAddress, count: 0)) } }
            return body(buffer)
        }) {
            return result
        }
        var copy = Array(text.utf8)
        if copy.isEmpty { copy.append(0); return copy.withUnsafeBufferPointer { body(UnsafeBufferPointer(start: $0.baseAddress, count: 0)) } }
        return copy.withUnsafeBufferPointer(body)
    }

    /// True when `needle` stands in `haystack` at byte `offset`.
    @inline(__always)
    static func equal(_ haystack: UnsafeBufferPointer<UInt8>, from offset: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 0, offset + needle.count <= haystack.count else { return false }
        guard needle.count > 0 else { return true }
        guard let h = haystack.baseAddress, let n = needle.baseAddress else { return false }
        return memcmp(h + offset, n, needle.count) == 0
    }

    /// The byte offset of `needle` in `text`, or nil.
    static func search<S: StringProtocol>(_ text: S, _ needle: String) -> Int? {
        withBytes(text) { haystack in withBytes(needle) { pattern in search(haystack, pattern) } }
    }

    /// The offset of `pattern` in `haystack`, or nil: memchr for the first byte, memcmp for the rest.
    static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = pattern.count, h = haystack.count
        guard n > 0 else { return 0 }
        guard n <= h, let hBase = haystack.baseAddress, let pBase = pattern.baseAddress else { return nil }
        let first = pBase[0]
        var index = 0
        let last = h - n
        while index <= last {
            guard let found = memchr(hBase + index, Int32(first), last - index + 1) else { return nil }
            let offset = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - hBase
            if memcmp(hBase + offset, pBase, n) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// Rebuilds `text` a scalar at a time: `transform` gets each scalar's value and returns the value to
    /// write, or nil to drop it. Decodes and encodes the UTF-8 by hand into a byte buffer: appending to a
    /// `String.UnicodeScalarView` a scalar at a time was most of the cost of the keys and the normaliser.
    @inline(__always)
    static func mapScalars<S: StringProtocol>(_ text: S, _ transform: (UInt32) -> UInt32?) -> String {
        withBytes(text) { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            let count = bytes.count
            while index < count {
                let (value, length) = decode(bytes, at: index)
                if let mapped = transform(value) {
                    if mapped == value {
                        for offset in 0..<length { output.append(bytes[index + offset]) }
                    } else {
                        appendUTF8(mapped, to: &output)
                    }
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The scalar at byte `index` of valid UTF-8 (a Swift string's) and its length: the lead byte tells.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// The pieces of `text` between the scalars `isSeparator` picks, empty pieces left out — what
    /// `unicodeScalars.split(whereSeparator:)` gives, cut on the bytes (building each piece through a
    /// `String.UnicodeScalarView` was 6 % of parsing).
    static func split<S: StringProtocol>(_ text: S, where isSeparator: (UInt32) -> Bool) -> [String] {
        withBytes(text) { bytes in
            var pieces: [String] = []
            var start = 0, index = 0
            while index < bytes.count {
                let (value, length) = decode(bytes, at: index)
                if isSeparator(value) {
                    if index > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + length
                }
                index += length
            }
            if bytes.count > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return pieces
        }
    }

    /// The lines of `text` (split at LF, empty lines kept, as `split(separator:omittingEmptySubsequences:
    /// false)` gives them), found with memchr.
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var offsets: [(start: Int, end: Int)] = []
        withBytes(text) { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                offsets.append((start, end))
                start = end + 1
            }
            offsets.append((start, bytes.count))
        }
        // Offsets into indices walking forward once (a line end is a scalar boundary).
        var lines: [Substring] = []
        lines.reserveCapacity(offsets.count)
        var index = utf8.startIndex
        var at = 0
        for (start, end) in offsets {
            let lower = utf8.index(index, offsetBy: start - at)
            let upper = utf8.index(lower, offsetBy: end - start)
            lines.append(text[lower..<upper])
            index = upper
            at = end
        }
        return lines
    }

    /// `text` without the leading and trailing scalars `isSpace` picks, trimmed on the bytes.
    static func trimmingSpaces<S: StringProtocol>(_ text: S) -> String {
        withBytes(text) { bytes in
            var start = 0, end = bytes.count
            while start < end {
                let (value, length) = decode(bytes, at: start)
                guard isSpace(value) else { break }
                start += length
            }
            while end > start {
                var lead = end - 1
                while bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard isSpace(decode(bytes, at: lead).value) else { break }
                end = lead
            }
            if start == 0, end == bytes.count, let whole = text as? String { return whole }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    @inline(__always)
    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case ..<0x80:
            output.append(UInt8(value))
        case ..<0x800:
            output.append(UInt8(0xC0 | value >> 6)); output.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | value >> 12)); output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18)); output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F)); output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Space of any kind that reports put around numbers and labels.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x200B, 0xFEFF, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x1680, 0x85:
            return true
        default:
            return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
