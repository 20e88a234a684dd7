/// A number in a clause with what follows it: `447条`, `1.5万余条` (15000, a floor), `超2800篇`,
/// `2025年` (not a count). Counts split a clause into the phrases the grammar reads: the text before a
/// count, back to the previous number of any kind, says what it counts.
struct ProseCount {
    var value: Double
    var approximate: Bool
    /// Offsets (in characters) of the number within the clause, and of the end of its unit.
    var start: Int
    var end: Int
    /// Where the phrase that describes this number starts: after the previous number of any kind.
    var phraseStart: Int
    /// The unit as written (`条`, `篇`, `件`); empty when the number has none.
    var unit: String
    /// A count of something (has a count unit), not a date, amount or percentage.
    var isCount: Bool { !unit.isEmpty }
    /// A count of items published (条/篇/件/则): 次, 期 and 项 count updates, issues and categories.
    var isItems: Bool { ProseVocabulary.itemUnits.contains(unit) }
    /// 期/次: issues or postings — items only when what was put out is items (`公开信息289期`).
    var isRepeats: Bool { unit == "期" || unit == "次" }

    /// Every number in a clause: digits (with `.`), then optionally 万, 余/多, then a unit. `信息数量304`
    /// (a unit lost in conversion) is a count of 条.
    static func counts(in folded: [Character]) -> [ProseCount] {
        var result: [ProseCount] = []
        var index = 0
        var phraseStart = 0
        while index < folded.count {
            guard folded[index].isASCIIDigitish, index == 0 || !(folded[index - 1].isASCIIDigitish || folded[index - 1] == ".") else {
                index += 1
                continue
            }
            let start = index
            while index < folded.count, folded[index].isASCIIDigitish || folded[index] == "." { index += 1 }
            var digits = String(folded[start..<index])
            while digits.hasSuffix(".") { digits.removeLast() }
            guard var value = Double(digits) else { continue }
            var approximate = start > 0 && ProseVocabulary.approximatePrefixes.contains(folded[start - 1])
            var cursor = index
            while cursor < folded.count, MatchKey.isSpace(folded[cursor]) { cursor += 1 }
            if cursor < folded.count, folded[cursor] == "万" { value *= 10_000; cursor += 1 }
            if cursor < folded.count, "余多".contains(folded[cursor]) { approximate = true; cursor += 1 }
            let rest = String(folded[cursor..<min(folded.count, cursor + 2)])
            var unit = ProseVocabulary.countUnits.first(where: rest.hasPrefix) ?? ""
            if unit.isEmpty, String(folded[max(0, start - 2)..<start]) == "数量", cursor >= folded.count || !"年月日号%万元人.".contains(folded[cursor]) {
                unit = "条"
                result.append(ProseCount(value: value, approximate: approximate, start: start, end: cursor, phraseStart: phraseStart, unit: unit))
                index = cursor
            } else {
                let end = unit.isEmpty ? min(cursor + 1, folded.count) : cursor + unit.count
                result.append(ProseCount(value: value, approximate: approximate, start: start, end: end, phraseStart: phraseStart, unit: unit))
                index = end
            }
            phraseStart = index
        }
        return result
    }
}
