/// Requests received and fees collected, as the prose states them. A clause about requests reads
///
///     [未/没有/无] VERB(收到/接到/受理/办理 …) … OBJECT(申请/依申请/办件) … NUMBER UNIT(件/宗/份/条/次/项)
///
/// A negated verb (`未收到`, `未接收到`, `无…申请`, `…为零`) is 0; otherwise the first count after the
/// verb. The object must say it is a disclosure request: 依申请, 信息公开申请, `公开…申请`, or a bare 申请
/// under a heading about requests (`（二）依申请公开情况` … `未接到相关申请`). Clauses about appeals
/// (复议, 诉讼), complaints and hotlines are not requests. `依申请公开3次` (a count of requests without a
/// verb) is taken when its unit is not 条: `依申请公开2089条` counts items disclosed on request.
struct RequestClause {
    static let receiveVerbs = ["收到", "接到", "受理", "新收", "接收", "办理", "共收"]
    static let negations = ["未", "没有", "尚未", "暂未", "均未", "从未"]
    static let noneWords = ["无依申请", "无政府信息公开申请", "无依法申请", "无信息公开申请", "零申请"]
    static let notRequests = ["复议", "诉讼", "投诉", "热线", "12345", "信箱", "留言", "咨询", "举报"]
    static let requestUnits = ["件次", "件", "宗", "份", "条", "次", "项", "个", "例"]

    /// The last heading read was about requests.
    var underRequestHeading = false

    /// Headings are short sentences that open with numbering (`（二）`, `2.`, `二、`).
    mutating func noteHeading(_ sentence: String) {
        let trimmed = sentence.trimmingSpaces
        guard trimmed.count <= 24, let first = trimmed.first, "(一二三四五六七八九十123456789".contains(first) else { return }
        underRequestHeading = trimmed.has("申请")
    }

    func read(_ clause: [Character], sentence: String) -> ProseNumber? {
        let text = String(clause)
        guard text.has("申请"), !Self.notRequests.contains(where: { text.has($0) }) else { return nil }
        let aboutDisclosure = text.has("依申请") || text.has("信息公开申请") || text.has("公开申请")
            || text.byteRange(of: "公开").map { text[$0.upperBound...].has("申请") } == true
            || (underRequestHeading && ["收到申请", "接到申请", "相关申请", "任何申请", "此类申请"].contains { text.has($0) })
        if Self.noneWords.contains(where: { text.has($0) }) || (text.has("依申请") && (text.has("为零") || text.endsWith("为0"))) {
            return ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: 0, evidence: sentence)
        }
        guard aboutDisclosure else { return nil }
        var verbAt: Int?
        var negated = false
        for verb in Self.receiveVerbs {
            guard let range = text.byteRange(of: verb) else { continue }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            if verbAt == nil || offset < verbAt! {
                verbAt = offset
                let before = String(clause[max(0, offset - 2)..<offset])
                negated = Self.negations.contains { before.hasSuffix($0) } || (offset >= 1 && clause[offset - 1] == "无")
            }
        }
        // `未收到`, `没有接到`, `未接收到` (接收 after 未), `无…受理`.
        if verbAt != nil, negated {
            return ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: 0, evidence: sentence)
        }
        let counts = ProseCount.counts(in: clause).filter { Self.requestUnits.contains($0.unit) }
        if let at = verbAt, let first = counts.first(where: { $0.start >= at }) {
            // `办理…依申请公开答复52件` counts replies, not requests.
            let between = String(clause[at..<first.start])
            if between.has("答复") || between.has("回复") { return nil }
            return ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: first.value, approximate: first.approximate, evidence: sentence)
        }
        if verbAt == nil, text.trimmingSpaces.startsWith("依申请公开"), let first = counts.first, first.unit != "条", first.unit != "项" {
            return ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: first.value, approximate: first.approximate, evidence: sentence)
        }
        return nil
    }

    /// 信息处理费: `未收取` and the like → 0, else the amount in 元 (万元 × 10 000).
    static func fees(_ folded: [Character], sentence: String) -> ProseNumber? {
        let text = String(folded)
        guard text.has("信息处理费") else { return nil }
        if ["未收取", "没有收取", "不收取", "未产生", "无信息处理费", "未发生"].contains(where: { text.has($0) }) {
            return ProseNumber(kind: ProseNumber.Kind.feesCollected, value: 0, evidence: sentence)
        }
        var index = 0
        while index < folded.count {
            if folded[index].isASCIIDigitish {
                let start = index
                while index < folded.count, folded[index].isASCIIDigitish || folded[index] == "." { index += 1 }
                let rest = String(folded[index..<min(folded.count, index + 2)])
                if let value = Double(String(folded[start..<index])), rest.startsWith("元") || rest.startsWith("万元") {
                    return ProseNumber(kind: ProseNumber.Kind.feesCollected, value: rest.startsWith("万元") ? value * 10000 : value, evidence: sentence)
                }
            }
            index += 1
        }
        return nil
    }
}
