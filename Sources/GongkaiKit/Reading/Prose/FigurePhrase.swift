/// The clause grammar of section 一's figures. A count's phrase is read as
///
///     [frame: 通过/在/依托 CHANNEL] [subject] VERB [OBJECT] [MARKER] NUMBER UNIT [OBJECT]
///
/// and what the count is follows from its parts (docs/reader.md §5 lists the patterns):
/// - a verb that is not publishing (报送, 制发, 办理 …), a topic that is something else (阅读, 粉丝, 申请,
///   历年 …) or an object that is not items (公文, 稿件, 会议 …) → nothing;
/// - one channel → that channel's count; several channels → the total when the phrase says 主动公开 or
///   政府信息 (`通过门户网站、公示栏等方式主动公开政府信息40条`), else one merged channel
///   (`在微信视频号、抖音号发布视频203条`);
/// - no channel, a publishing verb, an object of items and 主动公开 / 政府信息 / a total marker (共计,
///   累计, 全年 …) → the total; without any of those → ambiguous: nothing, and a warning;
/// - inside a breakdown (after 其中/包括/具体为 … following a count) or in a 、-list → a part: a channel when
///   it names one, else a category, never a total.
struct FigurePhrase {
    /// The phrase's text (folded) and as written, offset for offset; the count's number starts at `text.count`.
    var text: [Character]
    var written: [Character]
    /// A few characters after the unit: `发布136条信息`.
    var tail: String
    var count: ProseCount
    /// Channels named in the phrase, or carried from the clause that framed it (`依托区政府门户网站，…`).
    var channels: [ChannelGroup]
    var severalChannels: Bool
    var breakdown: Bool
    /// The phrase opens with 、/和/及 after a count: an item of a list started by the count before.
    var listItem: Bool
    var verb: String?
    var object: String
    /// How many leading characters came from a clause before that framed this one (`依托X，`): a channel
    /// named only there sets the scene, it does not bind the count as a channel named beside it does.
    var framedLength = 0

    /// One channel as the phrase names it: mentions next to each other without a conjunction are one
    /// (`新媒体平台“X”微信公众号` is a 微信公众号).
    struct ChannelGroup {
        var channel: String
        var start: Int
        var end: Int
        /// Set on a channel carried from an earlier phrase (its offsets are that phrase's).
        var account: String?? = nil
    }

    enum Reading: Equatable {
        case nothing
        case category
        case ambiguous
        case total
        case channel(String)
        /// A channel count that also states the total: `共在“X”门户网站公开政府信息214条`.
        case channelAndTotal(String)
    }

    init(text: [Character], written: [Character], tail: String, count: ProseCount, carried: [ChannelGroup]? = nil, breakdown: Bool, listItem: Bool) {
        self.text = text
        self.written = written
        self.tail = tail
        self.count = count
        self.breakdown = breakdown
        self.listItem = listItem
        let textString = String(text)
        self.textString = textString
        var groups = Self.channelGroups(in: text)
        var several = groups.count > 1 || ProseVocabulary.severalChannelWords.contains { textString.has($0) }
            || groups.contains { group in String(text[group.end..<min(text.count, group.end + 4)]).has("等") }
            || Self.bundle(in: textString) != nil
        if groups.isEmpty, !several, let carried {
            groups = carried
            several = carried.count > 1
        }
        channels = groups
        severalChannels = several
        (verb, object) = Self.verbAndObject(text)
    }

    /// The last publishing or other verb before the number, and the object between it and the number
    /// with fillers (共计, 了, 等, 的 …) taken out. `信息公开` is a noun, not the verb 公开.
    static func verbAndObject(_ text: [Character]) -> (String?, String) {
        // From the end backwards: the first place a verb ends is the last verb; the longest one ending there.
        var end = text.count
        while end > 0 {
            if let candidates = verbsByLastCharacter[text[end - 1]] {
                for verb in candidates where verb.count <= end && Array(text[(end - verb.count)..<end]) == verb {
                    return (String(verb), strippedObject(String(text[end...])))
                }
            }
            end -= 1
        }
        return (nil, strippedObject(String(text)))
    }

    /// Every verb (publishing or not) under its last character, longest first.
    static let verbsByLastCharacter: [Character: [[Character]]] = {
        var index: [Character: [[Character]]] = [:]
        for verb in ProseVocabulary.publishVerbs + ProseVocabulary.otherVerbs {
            let characters = Array(verb)
            index[characters.last!, default: []].append(characters)
        }
        return index.mapValues { $0.sorted { $0.count > $1.count } }
    }()

    static func strippedObject(_ object: String) -> String {
        var result = object.filter { !MatchKey.isSpace($0) && !MatchKey.quoteCharacters.contains($0) }
        for filler in ProseVocabulary.objectFillers where result.has(filler) {
            result = result.replacingOccurrences(of: filler, with: "")
        }
        return result
    }

    /// The object is items of some kind (`信息`, `财政信息`, `视频`) or left out.
    var countsItems: Bool {
        object.isEmpty || ProseVocabulary.genericObjects.contains { object.endsWith($0) || tailStarts($0) }
    }

    func tailStarts(_ word: String) -> Bool {
        !tail.isEmpty && tail.startsWith(word)
    }

    var isPublishing: Bool { verb.map { ProseVocabulary.publishVerbs.contains($0) } ?? false }
    /// `text` as a String, made once.
    let textString: String

    /// What the count is, given whether the next phrase of the sentence is a bare list item (`公示公告15条`
    /// after `通过政务网站发布工作动态58条`: the sentence lists categories).
    func reading(nextIsBareItem: Bool, nextListsCategories: Bool = false) -> Reading {
        let text = textString
        guard count.isItems || count.isRepeats else { return .nothing }
        if ProseVocabulary.otherTopics.contains(where: { text.has($0) || tailStarts($0) }) { return .nothing }
        if let verb, ProseVocabulary.otherVerbs.contains(verb) { return .nothing }
        // What was counted is the object's head: its last few characters (`政策文件、…等内容` counts 内容).
        // `公文类政府信息` is government information, whatever its kind.
        // `其他应主动公开的政府信息9条` names the category of 条例 第二十条, not the act.
        if text.has("应主动公开") || text.has("应当主动公开") { return .category }
        let head = String(object.suffix(6))
        if !object.endsWith("政府信息"), ProseVocabulary.otherObjects.contains(where: { head.has($0) || tailStarts($0) }) { return .nothing }
        let generic = countsItems
        // `公开信息289期`, `公示栏公示61次`: issues and postings count items only of items.
        if count.isRepeats, !generic || !isPublishing { return .nothing }
        let categoryNamed = (object.endsWith("类信息") && !object.endsWith("各类信息")) || object.endsWith("类")
        if categoryNamed, breakdown || listItem || channels.isEmpty || nextIsBareItem { return .category }
        let saysActive = Self.saysActive(text)
        // 政府信息 in the object (`发布政府信息`, `政府信息公开301条`), not in a site's name (`政府信息公开网站`).
        let saysGovernmentInformation = object.has("政府信息") || tailStarts("政府信息") || text.endsWith("政府信息公开")
        let saysWhole = Self.saysWhole(text)
        // A total counts information as such (`政府信息`, `各类信息`, `…等内容`), not one topic of it
        // (`全年公开财政预决算信息5条` is a category).
        let wholeObject = Self.wholeObjects.contains(object) || object.endsWith("政府信息") || text.has("各类") || text.has("各项")
            || (!object.has("等") && String(text.suffix(8)).has("等")) || (generic && text.has("等"))
        let channelOnly = ProseVocabulary.channelOnlyObjects.contains { object.endsWith($0) || tailStarts($0) }
        if severalChannels {
            if !breakdown, !listItem, isPublishing, !channelOnly, wholeObject, saysActive || saysGovernmentInformation || saysWhole || channels.isEmpty {
                return .total
            }
            guard !channels.isEmpty, generic || verb == nil else { return .nothing }
            return .channel(channels.map(\.channel).uniqued().joined(separator: "、"))
        }
        if let channel = channels.first {
            if !generic, nextIsBareItem { return .category }
            // `利用门户网站主动公开政府信息88条、规范性文件2条、…`: the head of a list of categories.
            if nextListsCategories { return .category }
            let framed = channel.end <= framedLength
            if channel.channel == "政府网站", !breakdown, !listItem, isPublishing, !channelOnly, wholeObject, saysWhole || framed, saysActive || saysGovernmentInformation {
                return .channelAndTotal(channel.channel)
            }
            return .channel(channel.channel)
        }
        if breakdown || listItem { return .category }
        guard isPublishing, !channelOnly else { return .nothing }
        guard generic || object.endsWith("事项") else { return .category }
        guard wholeObject else { return .category }
        if saysActive || saysGovernmentInformation || saysWhole || ProseVocabulary.yearMarkers.contains(where: { text.has($0) }) { return .total }
        return .ambiguous
    }

    /// 主动公开, or 主动 just before a publishing verb (`主动对外发布`); not the category `应主动公开的…`.
    static func saysActive(_ text: String) -> Bool {
        guard text.has("主动"), !text.has("应主动公开") else { return false }
        let characters = Array(text)
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == "主", characters[index + 1] == "动" {
                let after = String(characters[(index + 2)..<min(characters.count, index + 8)])
                if ProseVocabulary.publishVerbs.contains(where: { after.has($0) }) { return true }
            }
            index += 1
        }
        return false
    }

    /// 共计/合计/累计/总计/全部/各类, or a bare 共 (not the 共 of 公共).
    /// Objects that are information as such, once fillers are out.
    static let wholeObjects: Set<String> = ["", "信息", "政府信息", "政务信息", "内容", "事项", "条目"]

    static func saysWhole(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "共" {
            if index == 0 || characters[index - 1] != "公" { return true }
        }
        return ProseVocabulary.wholeMarkers.contains { text.has($0) }
    }

    static func bundle(in text: String) -> [String]? {
        ChannelCatalog.bundles.first { text.has($0.word) }?.channels
    }

    /// Channel words in a phrase, longest first, not overlapping; mentions with no conjunction between
    /// them are one channel, the later (more specific) word's.
    static func channelGroups(in text: [Character]) -> [ChannelGroup] {
        let string = String(text)
        if let bundle = bundle(in: string), let range = string.byteRange(of: ChannelCatalog.bundles.first { string.has($0.word) }!.word) {
            let start = string.distance(from: string.startIndex, to: range.lowerBound)
            let end = string.distance(from: string.startIndex, to: range.upperBound)
            return bundle.map { ChannelGroup(channel: $0, start: start, end: end) }
        }
        // Left to right, the longest word at each place (`政务公开网` before `网站`).
        var mentions: [ChannelGroup] = []
        var index = 0
        while index < text.count {
            var matched = false
            for (word, channel) in channelWordsByFirstCharacter[text[index]] ?? [] where index + word.count <= text.count {
                guard Array(text[index..<index + word.count]) == word else { continue }
                // `公开网` + `站`: the word ends where the site's name does.
                let end = index + word.count < text.count && text[index + word.count] == "站" ? index + word.count + 1 : index + word.count
                mentions.append(ChannelGroup(channel: channel, start: index, end: end))
                index = end
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        mentions.sort { $0.start < $1.start }
        var groups: [ChannelGroup] = []
        for mention in mentions {
            if let last = groups.last, last.channel == mention.channel, !Self.joinsSeveral(text[last.end..<mention.start]) {
                continue  // `官方微博共发布微博120条`: the same channel said twice
            } else if let last = groups.last, !Self.joinsSeveral(text[last.end..<mention.start]) {
                groups[groups.count - 1] = ChannelGroup(channel: mention.channel, start: last.start, end: mention.end)
            } else {
                groups.append(mention)
            }
        }
        return groups
    }

    /// The channel words under their first character, longest first.
    static let channelWordsByFirstCharacter: [Character: [(word: [Character], channel: String)]] = {
        var index: [Character: [(word: [Character], channel: String)]] = [:]
        for (word, channel) in ChannelCatalog.words {
            let characters = Array(word)
            index[characters[0], default: []].append((characters, channel))
        }
        return index.mapValues { $0.sorted { $0.word.count > $1.word.count } }
    }()

    static func joinsSeveral(_ between: ArraySlice<Character>) -> Bool {
        let text = String(between)
        return ["、", "和", "及", "与", "或", "/", ",", "以及", "等", "并"].contains { text.has($0) } || between.count > 12
    }

    /// The account: a quoted or bracketed name next to the channel word (`微信公众号“羊亭在线”`,
    /// `微信公众号(秀美大五里)`, `“闽侯发布”政务微博`), else the site's own name written before the word
    /// (`通过青川县政府门户网站` → 青川县政府门户网站); generic words (区政府, 官方 …) name nothing.
    func account(for group: ChannelGroup) -> String? {
        if let carried = group.account { return carried }
        let opening: Set<Character> = ["“", "\"", "「", "『", "‘", "("]
        let closing: Set<Character> = ["”", "\"", "」", "』", "’", ")"]
        var quotes: [(start: Int, end: Int, text: String)] = []
        var index = 0
        while index < written.count {
            let character = MatchKey.fold(written[index])
            if opening.contains(character), let close = written[(index + 1)...].firstIndex(where: { closing.contains(MatchKey.fold($0)) }) {
                let name = String(written[(index + 1)..<close]).trimmingSpaces
                if !name.isEmpty, name.count <= 30, !name.contains(where: \.isASCIIDigitish) { quotes.append((index, close + 1, name)) }
                index = close + 1
            } else {
                index += 1
            }
        }
        func distance(_ quote: (start: Int, end: Int, text: String)) -> Int {
            if quote.start >= group.end { return quote.start - group.end }
            if group.start >= quote.end { return group.start - quote.end }
            return 0
        }
        if let near = quotes.min(by: { distance($0) < distance($1) }), distance(near) <= 3, near.text != "两微" {
            return near.text
        }
        return siteName(before: group)
    }

    /// `青川县政府门户网站`: the run of Chinese characters from the frame word (通过/在/依托 …) to the
    /// channel word, kept when something other than generic words names the site.
    func siteName(before group: ChannelGroup) -> String? {
        var start = group.start
        while start > 0, Self.isNameCharacter(text[start - 1]) { start -= 1 }
        // Cut after the last frame word (`我镇通过青川县政府…` → `青川县政府…`).
        let run = String(text[start..<group.start])
        for preposition in Self.nameCuts {
            if let range = run.byteRange(of: preposition) {
                start = max(start, group.start - run[range.upperBound...].count)
            }
        }
        var bare = String(text[start..<group.start])
        for word in Self.notNames where bare.has(word) {
            bare = bare.replacingOccurrences(of: word, with: "")
        }
        guard bare.count >= 2 else { return nil }
        return String(written[start..<group.end])
    }

    /// Words a site's name starts after (`我镇通过…`, `其中…`, `全年…`).
    static let nameCuts = ProseVocabulary.framePrepositions + ProseVocabulary.breakdownMarkers + ProseVocabulary.publishVerbs
        + ProseVocabulary.wholeMarkers + ProseVocabulary.yearMarkers + ["等"]
    /// Words that name no site.
    static let notNames = ProseVocabulary.genericSiteWords + ProseVocabulary.publishVerbs + ProseVocabulary.wholeMarkers + ProseVocabulary.yearMarkers

    static func isNameCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
