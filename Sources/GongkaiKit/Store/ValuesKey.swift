/// What makes two files the same report whatever form they came in: the same title, body and year and
/// the same values in every table and in the prose counts. A page and the PDF of one report differ in
/// every byte (so `content_hash` cannot tell) but have one values key, and loading both would count
/// the report twice. The narrative text is left out: line breaks and spacing differ between forms.
///
/// The key is 64-bit FNV-1a over the values, fed as they are (no text built): it is worked out for
/// every report loaded, and for 100,000 reports the chance that two different ones share a key is
/// about 3 in 10^10 — and they would also need the same title, body and year to be taken as one.
///
/// The prose counts too, as its Chinese characters alone: two short reports with a generic title, no
/// agency and the same few numbers differ in their words, and must not be taken for one. Only the CJK
/// ideographs of sections 一, 五 and 六 are fed — spacing, line breaks, punctuation, digits and page
/// furniture differ between a page and its PDF; the words do not.
public enum ValuesKey {
    struct FNV1a {
        var state: UInt64 = 0xcbf29ce484222325

        mutating func feed(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100000001b3 }
        mutating func feed(_ text: String?) {
            if let text {
                // On the contiguous bytes: iterating `text.utf8` costs an index check per byte.
                var state = self.state
                FastText.withBytes(text) { bytes in for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100000001b3 } }
                self.state = state
            } else {
                feed(0xFE)
            }
            feed(0xFF)  // a separator no UTF-8 text contains
        }
        mutating func feed(_ number: Double?) {
            guard let number else { feed(0xFE); return }
            var bits = number.bitPattern
            for _ in 0..<8 { feed(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
        }
        mutating func feed(_ value: CellValue) {
            switch value {
            case .number(let number): feed(1); feed(number)
            case .blank: feed(2)
            case .text(let text): feed(3); feed(text)
            case .missing: feed(4)
            }
        }
    }

    public static func of(_ report: Report) -> String {
        var hash = FNV1a()
        hash.feed(report.title)
        hash.feed(report.agency)
        hash.feed(report.year.map(Double.init))
        hash.feed(report.template?.rawValue)
        hash.feed(report.activeTotal?.value)
        for number in report.proseNumbers { hash.feed(number.kind); hash.feed(number.value) }
        for channel in report.channels { hash.feed(channel.channel); hash.feed(channel.account); hash.feed(channel.items) }
        for cell in report.article20 { hash.feed(cell.item); hash.feed(cell.content); hash.feed(cell.measure); hash.feed(cell.value) }
        for cell in report.requests {
            hash.feed(cell.stage.rawValue); hash.feed(cell.outcome); hash.feed(cell.reason); hash.feed(cell.applicant); hash.feed(cell.value)
        }
        for cell in report.reviews { hash.feed(cell.kind); hash.feed(cell.result); hash.feed(cell.value) }
        for section in report.narrative where [1, 5, 6].contains(section.section) {
            hash.feed(UInt8(section.section))
            for scalar in section.body.unicodeScalars where (0x4E00...0x9FFF).contains(scalar.value) {
                var value = scalar.value
                for _ in 0..<3 { hash.feed(UInt8(truncatingIfNeeded: value)); value >>= 8 }
            }
        }
        let hex = String(hash.state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
