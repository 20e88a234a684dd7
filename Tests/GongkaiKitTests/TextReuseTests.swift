import Foundation
import Testing
@testable import GongkaiKit

/// 正文重复率: the share of the newer text lying in passages of 12+ characters it shares with the older one,
/// after normalising (letters only, traditional folded, digit runs masked).
struct TextReuseTests {
    /// Sentences of random Chinese characters: no two share a 12-character passage by chance.
    static func sentences(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { _ in
            String(String.UnicodeScalarView((0..<(20 + Int.random(in: 0..<30, using: &random))).map { _ in Unicode.Scalar(0x4E00 + UInt32(Int.random(in: 0..<0x5000, using: &random)))! })) + "。"
        }
    }

    /// A second year that copies a chosen share of the first year's sentences (the rest new) measures
    /// that share of its characters as repeated — exactly.
    @Test(arguments: [0.0, 0.3, 0.5, 0.8, 1.0])
    func aKnownShareOfCopiedSentencesIsMeasured(share: Double) {
        let older = Self.sentences(40, seed: 1)
        let fresh = Self.sentences(40, seed: 2)
        let copied = Int((Double(older.count) * share).rounded())
        let newer = Array(older.prefix(copied)) + Array(fresh.dropFirst(copied))
        let measure = TextReuse.measure(TextReuse.normalized(newer.joined()), in: TextReuse.normalized(older.joined()))
        let expected = older.prefix(copied).map { TextReuse.normalized($0).count }.reduce(0, +)
        #expect(measure.repeated == expected)
        #expect(measure.characters == TextReuse.normalized(newer.joined()).count)
    }

    @Test func numbersSpacesAndPunctuationDoNotHideACopy() {
        let older = "2021年，我镇通过政府网站主动公开政府信息536条，其中政策文件12条。"
        let newer = "2022年 我镇通过政府网站主动公开政府信息604条；其中政策文件8条！"
        #expect(TextReuse.measure(TextReuse.normalized(newer), in: TextReuse.normalized(older)).rate == 1)
        #expect(TextReuse.normalized("第2021年 A,b") == Array("第#年ab".unicodeScalars.map(\.value)))
        // Traditional characters are folded: a copy in 繁體 is still a copy.
        #expect(TextReuse.normalized("縣") == TextReuse.normalized("县"))
    }

    @Test func passagesShorterThanTwelveCharactersAreNotCopies() {
        // Common phrases (政府信息公开) recur in every report: alone they are no copy.
        let older = "本年度政府信息公开工作稳步推进。"
        let newer = "乡镇政府信息公开工作亟待加强改进。"
        #expect(TextReuse.measure(TextReuse.normalized(newer), in: TextReuse.normalized(older)).repeated == 0)
        #expect(TextReuse.measure([], in: TextReuse.normalized(older)).rate == nil)
    }

    /// Per section and for the whole; a passage moved from 一 to 五 counts in the whole.
    @Test func sectionsAndTheWhole() {
        let passage = "认真落实政府信息公开条例各项要求不断提升公开质量"
        let rows = TextReuse.compare(newer: [1: "新的内容完全不同的句子在这里写出来", 5: passage], older: [1: passage])
        #expect(rows.map(\.section) == ["一", "五", "全文"])
        #expect(rows[0].measure.repeated == 0)
        #expect(rows[1].measure.rate == nil || rows[1].measure.repeated == 0)
        #expect(rows[2].measure.repeated == TextReuse.normalized(passage).count)
    }

    /// The shading of the report page: the scalars of each text inside a passage both have, punctuation
    /// inside such a passage too, nothing else.
    @Test func marksShadeTheSharedPassages() {
        let a = "我镇认真落实条例要求，主动公开政府信息536条。新增内容甲乙丙。"
        let b = "另有新写的句子在这里。我镇认真落实条例要求，主动公开政府信息604条。"
        let (markA, markB) = TextReuse.marks(a, b)
        let shadedA = String(String.UnicodeScalarView(zip(a.unicodeScalars, markA).filter(\.1).map(\.0)))
        let shadedB = String(String.UnicodeScalarView(zip(b.unicodeScalars, markB).filter(\.1).map(\.0)))
        #expect(shadedA == "我镇认真落实条例要求，主动公开政府信息536条")
        #expect(shadedB == "我镇认真落实条例要求，主动公开政府信息604条")
        #expect(TextReuse.normalized(a) == TextReuse.normalizedWithIndex(a).0)
    }
}
