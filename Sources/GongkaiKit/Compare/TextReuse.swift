/// How much of one report's text repeats another's (正文重复率), measured so that it can be explained:
///
/// - the text of sections 一, 五 and 六 is **normalised**: only letters are kept (Chinese characters, Latin
///   letters), traditional folded to simplified; spaces, punctuation and symbols are dropped; every run of
///   digits becomes one `#`, so `2021年…536条` and `2022年…604条` still read as the same passage;
/// - a character of the newer text is **repeated** when it lies inside a passage of at least
///   `passageLength` (12) normalised characters that also occurs in the older text;
/// - the **rate** is repeated characters ÷ the newer text's characters.
///
/// Computed with a rolling hash of every 12-character window of the older text (a set of 64-bit hashes)
/// and one pass over the newer text: linear in the two lengths. A character is covered exactly when some
/// common passage of 12 or more covers it (every common passage is a chain of common 12-grams).
public enum TextReuse {
    public static let passageLength = 12
    /// `text_reuse` (正文雷同) warns at this rate or above between a body's consecutive reports.
    public static let auditThreshold = 0.9
    static let digitMark: UInt32 = 0x23  // #

    public struct Measure: Equatable, Sendable {
        public var characters: Int
        public var repeated: Int
        /// nil when the newer text has no characters.
        public var rate: Double? { characters == 0 ? nil : Double(repeated) / Double(characters) }
    }

    /// The text as compared: letters only, folded; a digit run as one `#`.
    public static func normalized(_ text: String) -> [UInt32] { normalizedWithIndex(text).0 }

    /// How much of `newer` lies in passages it shares with `older`.
    public static func measure(_ newer: [UInt32], in older: [UInt32]) -> Measure {
        measure(Windows(newer), in: Windows(older))
    }

    /// A normalised text's windows: its length, the hash of each window in order, and those hashes as a set.
    public struct Windows: Sendable {
        var count: Int
        var hashes: [UInt64]
        var set: WindowSet
        init(_ values: [UInt32]) {
            count = values.count
            hashes = values.count >= passageLength ? windowHashes(values) : []
            set = WindowSet(hashes)
        }
    }

    static func measure(_ newer: Windows, in older: Windows) -> Measure {
        let n = passageLength
        guard newer.count >= n, older.count >= n else { return Measure(characters: newer.count, repeated: 0) }
        var repeated = 0
        var coveredUntil = 0
        for (start, hash) in newer.hashes.enumerated() where older.set.contains(hash) {
            let end = start + n
            if end > coveredUntil {
                repeated += end - max(coveredUntil, start)
                coveredUntil = end
            }
        }
        return Measure(characters: newer.count, repeated: repeated)
    }

    /// The hash of every window of `passageLength` values, in order (a polynomial rolling hash, mod 2⁶⁴).
    static func windowHashes(_ values: [UInt32]) -> [UInt64] {
        let n = passageLength
        guard values.count >= n else { return [] }
        let base: UInt64 = 1_000_003
        var power: UInt64 = 1
        for _ in 1..<n { power = power &* base }
        var hash: UInt64 = 0
        for index in 0..<n { hash = hash &* base &+ UInt64(values[index]) }
        var hashes = [hash]
        hashes.reserveCapacity(values.count - n + 1)
        for index in n..<values.count {
            hash = (hash &- UInt64(values[index - n]) &* power) &* base &+ UInt64(values[index])
            hashes.append(hash)
        }
        return hashes
    }

    /// Which characters of each text (by Unicode scalar) lie in a passage the two share — for shading the
    /// repeated text on the report page. Spaces and punctuation inside a shared passage are shaded with it.
    public static func marks(_ a: String, _ b: String) -> (a: [Bool], b: [Bool]) {
        let (aValues, aIndex) = normalizedWithIndex(a)
        let (bValues, bIndex) = normalizedWithIndex(b)
        func covered(_ values: [UInt32], in other: [UInt32]) -> [Bool] {
            var marks = [Bool](repeating: false, count: values.count)
            guard values.count >= passageLength, other.count >= passageLength else { return marks }
            let seen = WindowSet(windowHashes(other))
            for (start, hash) in windowHashes(values).enumerated() where seen.contains(hash) {
                for offset in start..<(start + passageLength) { marks[offset] = true }
            }
            return marks
        }
        func spread(_ marks: [Bool], _ index: [Int], count: Int) -> [Bool] {
            var result = [Bool](repeating: false, count: count)
            // A scalar is marked when the normalised characters on both sides of it are (so the comma
            // inside a copied sentence is shaded too); a normalised one when it is marked itself.
            var previous = -1
            for (position, normalized) in index.enumerated() {
                if normalized >= 0 {
                    result[position] = marks[normalized]
                    previous = normalized
                } else if previous >= 0, previous + 1 < marks.count, marks[previous], marks[previous + 1] {
                    result[position] = true
                }
            }
            return result
        }
        return (spread(covered(aValues, in: bValues), aIndex, count: aIndex.count),
                spread(covered(bValues, in: aValues), bIndex, count: bIndex.count))
    }

    /// `normalized`, with, for each scalar of the text, the index of the normalised character it became
    /// (-1 when it was dropped; every digit of a run maps to the run's `#`).
    static func normalizedWithIndex(_ text: String) -> ([UInt32], [Int]) {
        var out: [UInt32] = []
        var index: [Int] = []
        var inDigits = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value >= 0x30 && value <= 0x39) || (value >= 0xFF10 && value <= 0xFF19) {
                if !inDigits { out.append(digitMark) }
                inDigits = true
                index.append(out.count - 1)
                continue
            }
            inDigits = false
            if value < 0x80 {
                if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) {
                    out.append(value | 0x20)
                    index.append(out.count - 1)
                } else {
                    index.append(-1)
                }
            } else if scalar.properties.isAlphabetic {
                out.append(MatchKey.foldValue(value))
                index.append(out.count - 1)
            } else {
                index.append(-1)
            }
        }
        return (out, index)
    }

    /// The sections compared, and the name of the whole.
    public static let sections = [1: "一", 5: "五", 6: "六"]
    public static let whole = "全文"

    /// A report's sections 一/五/六 as compared, each section's windows and the whole's: made once per
    /// report, whether it is the newer or the older side of a pair.
    public struct Text: Sendable {
        var sections: [Int: Windows] = [:]
        var whole: Windows

        public init(_ texts: [Int: String]) {
            var all: [UInt32] = []
            for number in [1, 5, 6] {
                let values = normalized(texts[number] ?? "")
                all += values
                if texts[number] != nil { sections[number] = Windows(values) }
            }
            whole = Windows(all)
        }
    }

    static let noText = Windows([])

    /// Per section (一, 五, 六) and for their whole: how much of `newer`'s text repeats `older`'s. A section
    /// the newer report lacks is left out; the whole compares the three sections joined.
    public static func compare(newer: [Int: String], older: [Int: String]) -> [(section: String, measure: Measure)] {
        compare(newer: Text(newer), older: Text(older))
    }

    public static func compare(newer: Text, older: Text) -> [(section: String, measure: Measure)] {
        var result: [(String, Measure)] = []
        for number in [1, 5, 6] {
            guard let windows = newer.sections[number] else { continue }
            result.append((sections[number] ?? "", measure(windows, in: older.sections[number] ?? noText)))
        }
        // Across the whole, a passage moved from one section to another still counts.
        result.append((whole, measure(newer.whole, in: older.whole)))
        return result
    }
}

/// A set of 64-bit window hashes: open addressing, linear probing, a multiplicative spread of the hash.
/// Made for one text and asked once per window of another — Swift's `Set` hashes every key again with
/// SipHash, which made most of the time of measuring 100,000 pairs.
public struct WindowSet: Sendable {
    var slots: [UInt64]
    var mask: Int
    var shift: UInt64
    /// 0 marks an empty slot; a hash that is 0 is kept aside.
    var hasZero = false

    init(_ hashes: [UInt64]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for hash in hashes { insert(hash) }
    }

    func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else { hasZero = true; return }
        var index = slot(hash)
        while slots[index] != 0 {
            if slots[index] == hash { return }
            index = (index + 1) & mask
        }
        slots[index] = hash
    }

    func contains(_ hash: UInt64) -> Bool {
        guard hash != 0 else { return hasZero }
        var index = slot(hash)
        while true {
            let value = slots[index]
            if value == hash { return true }
            if value == 0 { return false }
            index = (index + 1) & mask
        }
    }
}
