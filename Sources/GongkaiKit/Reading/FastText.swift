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
        withBytes(text) { haystack in
            withBytes(needle) { pattern in
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
