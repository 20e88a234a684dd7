/// Numbers that live in sentences: the 主动公开 total, counts per channel with the account name, requests
/// received, fees collected. Each keeps the sentence it came from.
///
/// A sentence is cut into clauses at commas; each count in a clause (a number with a unit) gets the
/// phrase before it, which `FigurePhrase` reads by its grammar. The sentence supplies what a phrase leaves
/// out: a clause without a count frames the next one (`依托区政府门户网站，街道主动公开…76条`, `通过区政府
/// 门户网站公开镇财政信息，1条`); after 其中/包括/具体为 (or a colon) following a count, the rest of the
/// sentence breaks it down; a channel counted before the breakdown is not counted again inside it
/// (`微博120条，其中原创微博11条`). Requests and fees have their own grammar (`RequestClause`).
struct ProseScanner {
    var channels: [ChannelCount] = []
    var activeTotal: ProseNumber?
    var requestsReceived: ProseNumber?
    var feesCollected: ProseNumber?
    /// Sentences with a count of published items that says neither its channel nor that it is the total:
    /// nothing was taken from them (the reader warns with each).
    var ambiguous: [String] = []
    var requests = RequestClause()

    /// Carried from one sentence to the next: a list announced by `…424条，具体包括：` goes on over lines,
    /// and `其中，…` may open the sentence after its total.
    var breakdownContinues = false
    /// The total was read from a website's count (`共在门户网站公开政府信息214条`).
    var totalFromWebsite = false
    var previousParent: String?

    mutating func scan(_ text: String) {
        for sentence in Self.sentences(text) {
            // Most sentences hold no number and no request: decided on the bytes, before any folding.
            guard Self.mayHoldFigures(sentence) else {
                breakdownContinues = false
                continue
            }
            // A table's cells read as lines (`3`, `53.4`, `规范性文件`) have no unit and no request: only a
            // heading needs a look.
            let aboutRequests = sentence.has("申") || sentence.has("处理费") || sentence.has("處理費")
            if !aboutRequests, !Self.hasCount(sentence) {
                if sentence.utf8.count <= 72 { requests.noteHeading(String(sentence.map(MatchKey.fold))) }
                if !sentence.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { breakdownContinues = false }
                continue
            }
            let written = Array(Self.joiningThousands(sentence))
            let folded = written.map(MatchKey.fold)
            let foldedText = String(folded)
            let hasDigit = foldedText.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            requests.noteHeading(foldedText)
            if aboutRequests {
                for clause in Self.clauseRanges(folded) {
                    let clauseText = Array(folded[clause])
                    if requestsReceived == nil, let number = requests.read(clauseText, sentence: sentence) { requestsReceived = number }
                    if feesCollected == nil, let number = RequestClause.fees(clauseText, sentence: sentence) { feesCollected = number }
                }
            }
            if hasDigit {
                readFigures(written: written, folded: folded, sentence: sentence)
            } else {
                breakdownContinues = false
            }
        }
    }

    /// One sentence's figures: phrases first (what each count's text is), then their readings in order.
    mutating func readFigures(written: [Character], folded: [Character], sentence: String) {
        var phrases: [FigurePhrase] = []
        // A list announced by the sentence before goes on over lines shaped `政府网站：发布信息42条`.
        let listLine = folded.prefix(12).contains(":")
        if !listLine { breakdownContinues = false }
        var breakdown = breakdownContinues || String(folded).trimmingSpaces.startsWith("其中")
        let parentBefore = breakdown ? previousParent : nil
        var seenCount = breakdownContinues
        var pending: ClosedRange<Int>?
        var afterRequests = false
        for clause in Self.clauseRanges(folded) {
            let text = Array(folded[clause]), original = Array(written[clause])
            // `共收到依申请公开0件，公开0件，不予公开0件`: once a sentence speaks of requests, its later
            // counts are about them.
            if afterRequests { continue }
            if String(text).has("申请") { afterRequests = true }
            let counts = ProseCount.counts(in: text).filter(\.isCount)
            guard !counts.isEmpty else {
                if seenCount, ProseVocabulary.breakdownMarkers.contains(where: { String(text).has($0) }) { breakdown = true }
                pending = clause.isEmpty ? pending : clause.lowerBound...(clause.upperBound - 1)
                continue
            }
            for (index, count) in counts.enumerated() {
                var phraseText = Array(text[count.phraseStart..<count.start])
                var phraseWritten = Array(original[count.phraseStart..<count.start])
                let own = String(phraseText)
                if seenCount, ProseVocabulary.breakdownMarkers.contains(where: { own.has($0) }) { breakdown = true }
                let leading = phraseText.drop { MatchKey.isSpace($0) }.first
                let listItem = index > 0 && (leading == "、" || leading == "和" || leading == "及")
                // A clause without a count before this one: its text belongs to this phrase when this
                // phrase lacks a verb, or when that clause only frames (names a channel, publishes nothing).
                var framed = 0
                if index == 0, let frame = pending {
                    let frameText = Array(folded[frame])
                    let ownHasVerb = FigurePhrase.verbAndObject(phraseText).0 != nil
                    let frameHasVerb = Self.publishes(frameText)
                    if !ownHasVerb || (!frameHasVerb && FigurePhrase.channelGroups(in: phraseText).isEmpty) {
                        phraseText = frameText + [","] + phraseText
                        phraseWritten = Array(written[frame]) + [","] + phraseWritten
                        framed = frameText.count
                    }
                }
                let tailEnd = min(text.count, count.end + 6, index + 1 < counts.count ? counts[index + 1].start : text.count)
                // The tail is what the number counts when it is written after it (`发布136条信息`): up to the
                // next separator.
                let tail = count.end < tailEnd ? String(String(text[count.end..<tailEnd]).prefix { !"、:;()".contains($0) }) : ""
                var phrase = FigurePhrase(text: phraseText, written: phraseWritten, tail: tail, count: count, breakdown: breakdown, listItem: listItem)
                phrase.framedLength = framed
                phrases.append(phrase)
                seenCount = true
                // `84条：发布…2份，…`: a colon after a count opens its breakdown.
                if text[count.end...].first(where: { !MatchKey.isSpace($0) }) == ":" { breakdown = true }
            }
            pending = nil
        }
        let endsWithListIntro = folded.last(where: { !MatchKey.isSpace($0) }) == ":" && (seenCount || pending != nil)
        breakdownContinues = endsWithListIntro || (breakdownContinues && !phrases.isEmpty && pending == nil)
        record(phrases, sentence: sentence, parentBefore: parentBefore)
    }

    /// Readings in order: the parent channel a breakdown must not count again, and the channel a later
    /// phrase of the same sentence goes on with (`…公众号“创在滨江”发布工作动态447条，推送…信息90条`).
    mutating func record(_ phrases: [FigurePhrase], sentence: String, parentBefore: String?) {
        var parent = parentBefore
        var lastChannel: FigurePhrase.ChannelGroup?
        for (index, phrase) in phrases.enumerated() {
            let next = index + 1 < phrases.count ? phrases[index + 1] : nil
            let nextIsBareItem = next.map { $0.channels.isEmpty && ($0.verb == nil || $0.text.count <= 6) } ?? false
            let nextListsCategories = next.map { $0.listItem && nextIsBareItem && !$0.textString.has("各类") } ?? false
            var phrase = phrase
            var reading = phrase.reading(nextIsBareItem: nextIsBareItem, nextListsCategories: nextListsCategories)
            // A count of items with no channel of its own, right after a channel's count, goes on with that
            // channel (`…门户网站发布政务动态类信息11272条、信息公开目录信息12976条`).
            let goesOn = reading == .ambiguous || (reading == .category && phrase.channels.isEmpty && phrase.countsItems && phrase.isPublishing)
            if goesOn, !phrase.breakdown, let lastChannel {
                let framedLength = phrase.framedLength
                phrase = FigurePhrase(text: phrase.text, written: phrase.written, tail: phrase.tail, count: phrase.count, carried: [lastChannel], breakdown: false, listItem: phrase.listItem)
                phrase.framedLength = framedLength
                reading = phrase.reading(nextIsBareItem: nextIsBareItem, nextListsCategories: nextListsCategories)
            }
            switch reading {
            case .nothing, .category:
                break
            case .ambiguous:
                if !phrase.count.approximate { ambiguous.append(sentence) }
            case .total:
                setTotal(phrase, sentence: sentence)
            case .channel(let channel), .channelAndTotal(let channel):
                if phrase.breakdown, phrase.channels.count == 1, channel == parent { continue }
                let single = phrase.channels.count == 1 ? phrase.channels.first : nil
                add(ChannelCount(channel: channel, account: single.flatMap { phrase.account(for: $0) }, items: phrase.count.value,
                                 approximate: phrase.count.approximate, evidence: sentence))
                if !phrase.breakdown {
                    parent = phrase.channels.count == 1 ? channel : nil
                    if var single { single.account = .some(phrase.account(for: single)); lastChannel = single }
                }
                if case .channelAndTotal = reading, activeTotal == nil {
                    setTotal(phrase, sentence: sentence)
                    totalFromWebsite = true
                }
            }
        }
        previousParent = parent
    }

    /// After the last paragraph: a website's count is the total only when no other channel has a count
    /// of its own — otherwise it was the website's share.
    mutating func finish() {
        if totalFromWebsite, channels.contains(where: { $0.channel != "政府网站" && !$0.approximate }) {
            activeTotal = nil
            totalFromWebsite = false
        }
    }

    mutating func setTotal(_ phrase: FigurePhrase, sentence: String) {
        guard activeTotal == nil else { return }
        activeTotal = ProseNumber(kind: ProseNumber.Kind.activeTotal, value: phrase.count.value, approximate: phrase.count.approximate, evidence: sentence)
    }

    mutating func add(_ channel: ChannelCount) {
        if !channels.contains(where: { $0.channel == channel.channel && $0.items == channel.items && $0.account == channel.account }) {
            channels.append(channel)
        }
    }

    /// A digit (ASCII or full-width), 申 (申请/申請), 处理费/處理費, or a short line (a heading, which
    /// `RequestClause.noteHeading` must see).
    static func mayHoldFigures(_ sentence: String) -> Bool {
        if sentence.utf8.count <= 80 { return true }
        return FastText.withBytes(sentence) { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 { return true }
                // ０–９: EF BC 90–99
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 { return true }
                // 申: E7 94 B3
                if byte == 0xE7, index + 2 < bytes.count, bytes[index + 1] == 0x94, bytes[index + 2] == 0xB3 { return true }
                index += 1
            }
            return false
        } || sentence.has("处理费") || sentence.has("處理費")
    }

    /// A number followed by a count unit (`12条`, `３０ 篇`, `1.5万余条`) or after 数量: without one a sentence
    /// has no figure.
    static func hasCount(_ sentence: String) -> Bool {
        // `信息数量304` (a unit lost in conversion) counts too (`ProseCount`).
        if sentence.has("数量") || sentence.has("數量") { return true }
        var afterNumber = false
        for scalar in sentence.unicodeScalars {
            let value = scalar.value
            let digit = (value >= 0x30 && value <= 0x39) || (value >= 0xFF10 && value <= 0xFF19)
            if digit { afterNumber = true; continue }
            guard afterNumber else { continue }
            if value == 0x2E || value == 0x20 || value == 0x3000 || scalar == "万" || scalar == "萬" || scalar == "余" || scalar == "餘" || scalar == "多" { continue }
            if unitStarts.contains(value) { return true }
            afterNumber = false
        }
        return false
    }

    /// The first character of every count unit, folded or not (`條`, `篇`, `件` …).
    static let unitStarts: Set<UInt32> = {
        var starts = Set<UInt32>()
        for unit in ProseVocabulary.countUnits {
            guard let first = unit.unicodeScalars.first else { continue }
            starts.insert(first.value)
            for (from, to) in MatchKey.foldTable where String(to) == String(first) {
                if let scalar = from.unicodeScalars.first { starts.insert(scalar.value) }
            }
        }
        return starts
    }()

    /// A publishing verb other than the noun `信息公开`/`政务公开`.
    static func publishes(_ text: [Character]) -> Bool {
        var string = String(text)
        for noun in ["信息公开", "政务公开", "公开工作", "公开平台", "公开网", "公开专栏", "公开栏", "公开专区"] { string = string.replacingOccurrences(of: noun, with: "") }
        return ProseVocabulary.publishVerbs.contains { string.has($0) }
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

    /// The clauses of a folded sentence, cut at commas (a colon stays: `政府网站：发布信息42条` is one phrase).
    static func clauseRanges(_ folded: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, character) in folded.enumerated() where character == "," {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<folded.count)
        return ranges
    }
}

