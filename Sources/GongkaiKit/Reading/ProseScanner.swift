/// Numbers that live in sentences: the 主动公开 total, counts per channel with the account name, requests
/// received, fees collected. Each keeps the sentence it came from.
///
/// How it reads a sentence: the sentence is cut into clauses at commas; in a clause every count (a number
/// with a unit such as 条/篇/期/次) is looked at together with the text since the previous count. That
/// text names a channel (`微信公众号“羊亭在线”公开566条`) → a channel count; names several channels or
/// `…等平台` → a total; names none but says 主动公开 or 共/合计/累计 → a total. Breakdowns by topic
/// (`其中工作动态50条`), documents (`规章13件`) and requests are not channels. `100余条` is approximate.
struct ProseScanner {
    struct Count {
        var value: Double
        var approximate: Bool
        /// Offsets (in characters) of the number within the clause, and of the end of its unit.
        var start: Int
        var end: Int
        /// Where the text that describes this number starts: after the previous number of any kind.
        var segmentStart: Int
        /// A count of items (has a count unit), not a date, amount or percentage.
        var isCount: Bool
    }

    static let countUnits = ["条次", "条", "篇", "期", "次", "件", "例", "则"]
    static let notChannelWords = ["申请", "复议", "诉讼", "留言", "诉求", "咨询", "电话", "投诉", "规章", "规范性文件", "文件", "公文", "解读", "会议", "关注", "阅读", "访问", "浏览", "报道"]
    static let totalWords = ["主动公开", "共计", "合计", "累计", "总计", "共", "各类", "全年"]

    var channels: [ChannelCount] = []
    var activeTotal: ProseNumber?
    var requestsReceived: ProseNumber?
    var feesCollected: ProseNumber?

    /// Within one sentence: after `其中` the counts break down what came before.
    struct SentenceState {
        var breakdown = false
        var channelsBefore: Set<String> = []
    }

    mutating func scan(_ text: String) {
        for sentence in Self.sentences(text) {
            var state = SentenceState()
            // Read with thousands separators joined (`1,100条` is 1100), kept as written in the evidence.
            for clause in Self.clauses(Self.joiningThousands(sentence)) {
                scanClause(clause, sentence: sentence, state: &state)
            }
        }
    }

    /// `1,100` and `1，100` (a separator between a group of 1–3 digits and groups of exactly 3) as
    /// `1100`: otherwise the comma cuts the number into two clauses and the total is lost. `1,2,3` and
    /// `12，34` are lists, left alone.
    static func joiningThousands(_ sentence: String) -> String {
        guard sentence.utf8.contains(0x2C) || FastText.search(sentence, "，") != nil else { return sentence }
        let characters = Array(sentence)
        var out: [Character] = []
        out.reserveCapacity(characters.count)
        var index = 0
        func isDigit(_ at: Int) -> Bool { at >= 0 && at < characters.count && characters[at].isASCIIDigitish }
        while index < characters.count {
            let character = characters[index]
            if character == "," || character == "，", isDigit(index - 1), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), !isDigit(index + 4) {
                // The group before: 1–3 digits back to a non-digit, or to an earlier separator just joined.
                var start = index - 1
                while start > 0, characters[start - 1].isASCIIDigitish { start -= 1 }
                let joinedBefore = start > 0 && (characters[start - 1] == "," || characters[start - 1] == "，") && isDigit(start - 2)
                if index - start <= 3 || joinedBefore, !(start > 0 && characters[start - 1] == ".") {
                    index += 1
                    continue
                }
            }
            out.append(character)
            index += 1
        }
        return String(out)
    }

    static func sentences(_ text: String) -> [String] {
        FastText.split(text, where: Self.endsSentence).map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// 。！？;；, a line end, ! and ? (a switch: a set lookup hashed every scalar of the prose).
    static func endsSentence(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x3B, 0xFF1B, 0x0A, 0x21, 0x3F: return true
        default: return false
        }
    }

    /// , ， : ：
    static func endsClause(_ value: UInt32) -> Bool {
        switch value {
        case 0x2C, 0xFF0C, 0x3A, 0xFF1A: return true
        default: return false
        }
    }

    /// The clauses worth a closer look: those with a digit, or about requests or fees. Most sentences
    /// of a report have none of these and cost one byte scan.
    static func clauses(_ sentence: String) -> [[Character]] {
        FastText.split(sentence, where: endsClause).compactMap { text in
            let digit = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            guard digit || text.has("申请") || text.has("信息处理费") else { return nil }
            return Array(text)
        }
    }

    mutating func scanClause(_ clause: [Character], sentence: String, state: inout SentenceState) {
        let folded = clause.map(MatchKey.fold)
        let text = String(folded)
        scanRequests(folded, sentence: sentence)
        scanFees(folded, sentence: sentence)
        if text.has("历年") { return }
        if text.startsWith("其中") { state.breakdown = true }
        for count in Self.counts(in: folded) where count.isCount {
            let segment = String(folded[count.segmentStart..<count.start])
            if segment.has("其中") { state.breakdown = true }
            if Self.notChannelWords.contains(where: { segment.has($0) }) { continue }
            let named = Self.channelMentions(in: segment)
            let kinds = Set(named.map(\.channel))
            let severalChannels = kinds.count > 1 || named.contains { segment.dropFirst($0.end).prefix(4).has("等") }
            if kinds.count == 1, !severalChannels, let mention = named.first {
                // `微博120条，其中原创微博11条`: a breakdown of one channel, not another channel.
                if state.breakdown, state.channelsBefore.contains(mention.channel) { continue }
                if !state.breakdown { state.channelsBefore.insert(mention.channel) }
                let account = Self.account(in: Array(clause[count.segmentStart..<count.start]), near: mention)
                add(ChannelCount(channel: mention.channel, account: account, items: count.value,
                                 approximate: count.approximate, evidence: sentence))
            } else if activeTotal == nil, !state.breakdown,
                      severalChannels || Self.saysTotal(segment) && Self.hasVerb(segment) {
                activeTotal = ProseNumber(kind: ProseNumber.Kind.activeTotal, value: count.value, approximate: count.approximate, evidence: sentence)
            } else if severalChannels, activeTotal != nil, !state.breakdown {
                // Several channels counted together after the total was stated: one grouped channel.
                add(ChannelCount(channel: "其他", account: nil, items: count.value, approximate: count.approximate, evidence: sentence))
            }
        }
    }

    mutating func add(_ channel: ChannelCount) {
        if !channels.contains(where: { $0.channel == channel.channel && $0.items == channel.items && $0.account == channel.account }) {
            channels.append(channel)
        }
    }

    /// 主动公开, 共计, 累计, …; a bare 共 only when it is not the 共 of 公共.
    static func saysTotal(_ segment: String) -> Bool {
        if segment.has("主动公开") { return true }
        let characters = Array(segment)
        for (index, character) in characters.enumerated() where character == "共" {
            if index == 0 || characters[index - 1] != "公" { return true }
        }
        return totalWords.contains { $0 != "共" && segment.has($0) }
    }

    static func hasVerb(_ segment: String) -> Bool {
        ["公开", "发布", "推送", "公布"].contains(where: { segment.has($0) })
    }

    /// Every count in a clause: digits, then optionally 余/多, then a count unit. Years, dates, percentages
    /// and amounts are not counts. `信息数量304` (a unit lost in conversion) counts too.
    static func counts(in folded: [Character]) -> [Count] {
        var result: [Count] = []
        var index = 0
        var segmentStart = 0
        while index < folded.count {
            guard folded[index].isASCIIDigitish, index == 0 || !(folded[index - 1].isASCIIDigitish || folded[index - 1] == ".") else {
                index += 1
                continue
            }
            let start = index
            while index < folded.count, folded[index].isASCIIDigitish || folded[index] == "." { index += 1 }
            guard let value = Double(String(folded[start..<index])) else { continue }
            var cursor = index
            while cursor < folded.count, MatchKey.isSpace(folded[cursor]) { cursor += 1 }
            var approximate = false
            if cursor < folded.count, "余多".contains(folded[cursor]) { approximate = true; cursor += 1 }
            let rest = String(folded[cursor..<min(folded.count, cursor + 2)])
            if let unit = countUnits.first(where: rest.hasPrefix) {
                result.append(Count(value: value, approximate: approximate, start: start, end: cursor + unit.count, segmentStart: segmentStart, isCount: true))
                index = cursor + unit.count
            } else if String(folded[max(0, start - 2)..<start]) == "数量", cursor >= folded.count || !"年月日号%万元人".contains(folded[cursor]) {
                result.append(Count(value: value, approximate: approximate, start: start, end: cursor, segmentStart: segmentStart, isCount: true))
                index = cursor
            } else {
                result.append(Count(value: value, approximate: approximate, start: start, end: min(cursor + 1, folded.count), segmentStart: segmentStart, isCount: false))
                index = min(cursor + 1, folded.count)
            }
            segmentStart = index
        }
        return result
    }

    struct Mention {
        var channel: String
        var start: Int
        var end: Int
    }

    /// Channel words in a segment, longest first, not overlapping.
    static func channelMentions(in segment: String) -> [Mention] {
        // Most segments name no channel: one byte search per word decides that cheaply.
        let present = ChannelCatalog.words.filter { segment.has($0.word) }
        guard !present.isEmpty else { return [] }
        let characters = Array(segment)
        var taken = [Bool](repeating: false, count: characters.count)
        var mentions: [Mention] = []
        for (word, channel) in present {
            let wordCharacters = Array(word)
            guard wordCharacters.count <= characters.count else { continue }
            var index = 0
            while index + wordCharacters.count <= characters.count {
                if !taken[index], Array(characters[index..<index + wordCharacters.count]) == wordCharacters {
                    for offset in index..<index + wordCharacters.count { taken[offset] = true }
                    mentions.append(Mention(channel: channel, start: index, end: index + wordCharacters.count))
                    index += wordCharacters.count
                } else {
                    index += 1
                }
            }
        }
        return mentions.sorted { $0.start < $1.start }
    }

    /// The quoted account name nearest the channel word (`微信公众号“羊亭在线”`, `“闽侯发布”政务微博`).
    static func account(in segment: [Character], near mention: Mention) -> String? {
        let opening: Set<Character> = ["“", "\"", "「", "『", "‘"]
        let closing: Set<Character> = ["”", "\"", "」", "』", "’"]
        var quotes: [(start: Int, end: Int, text: String)] = []
        var index = 0
        while index < segment.count {
            if opening.contains(segment[index]), let close = segment[(index + 1)...].firstIndex(where: closing.contains) {
                let name = String(segment[(index + 1)..<close]).trimmingSpaces
                if !name.isEmpty, name.count <= 30 { quotes.append((index, close + 1, name)) }
                index = close + 1
            } else {
                index += 1
            }
        }
        let near = quotes.min { distance($0, mention) < distance($1, mention) }
        guard let near, distance(near, mention) <= 3 else { return nil }
        return near.text
    }

    static func distance(_ quote: (start: Int, end: Int, text: String), _ mention: Mention) -> Int {
        if quote.start >= mention.end { return quote.start - mention.end }
        if mention.start >= quote.end { return mention.start - quote.end }
        return 0
    }

    // MARK: Requests and fees

    static let receiveVerbs = ["收到", "接到", "受理", "新收", "接收"]
    static let noneVerbs = ["未收到", "未接到", "没有收到", "未受理", "没有接到", "无依申请", "无政府信息公开申请"]

    mutating func scanRequests(_ folded: [Character], sentence: String) {
        guard requestsReceived == nil else { return }
        let text = String(folded)
        guard text.has("申请"), !text.has("复议"), !text.has("诉讼") else { return }
        // `未收到…政府信息公开的申请`, but not `未收到公众申请要求公开的…` (which may mean anything).
        let requestAfterDisclosure = text.byteRange(of: "公开").map { first in
            text[first.upperBound...].has("申请")
        } ?? false
        if Self.noneVerbs.contains(where: { text.has($0) }), text.has("依申请") || requestAfterDisclosure {
            requestsReceived = ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: 0, evidence: sentence)
            return
        }
        guard let verb = Self.receiveVerbs.compactMap({ text.byteRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return }
        let verbOffset = text.distance(from: text.startIndex, to: verb.lowerBound)
        let counts = Self.counts(in: folded).filter { $0.isCount && $0.start >= verbOffset }
        if let first = counts.first {
            requestsReceived = ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: first.value,
                                           approximate: first.approximate, evidence: sentence)
        }
    }

    mutating func scanFees(_ folded: [Character], sentence: String) {
        guard feesCollected == nil else { return }
        let text = String(folded)
        guard text.has("信息处理费") else { return }
        if ["未收取", "没有收取", "不收取", "未产生", "无信息处理费", "未发生"].contains(where: { text.has($0) }) {
            feesCollected = ProseNumber(kind: ProseNumber.Kind.feesCollected, value: 0, evidence: sentence)
            return
        }
        var index = 0
        while index < folded.count {
            if folded[index].isASCIIDigitish {
                let start = index
                while index < folded.count, folded[index].isASCIIDigitish || folded[index] == "." { index += 1 }
                let rest = String(folded[index..<min(folded.count, index + 2)])
                if let value = Double(String(folded[start..<index])), rest.startsWith("元") || rest.startsWith("万元") {
                    feesCollected = ProseNumber(kind: ProseNumber.Kind.feesCollected, value: rest.startsWith("万元") ? value * 10000 : value, evidence: sentence)
                    return
                }
            }
            index += 1
        }
    }
}
