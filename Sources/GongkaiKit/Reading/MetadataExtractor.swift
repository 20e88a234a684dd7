/// Title, agency, place and year. Titles vary (`威海市环翠区羊亭镇2021年政府信息公开工作年度报告`,
/// `2022年深圳市福田区华富街道办事处…`, the agency on a line of its own above the title, the title split
/// over two lines, or none at all); the data year comes from the title, else the statistics period
/// sentence, else the first year in the body, else the file name.
struct MetadataExtractor {
    struct Place {
        var province: String?
        var city: String?
        var county: String?
        var township: String?
        var level: Level = .other
    }

    /// The title among the first lines of the document.
    static func title(in lines: [String]) -> String? {
        let head = Array(lines.prefix(25))
        var candidates: [String] = []
        for (index, line) in head.enumerated() where isTitleLike(line) {
            var title = line
            if index + 1 < head.count, !title.endsWith("报告"), head[index + 1].count <= 8, head[index + 1].has("报") {
                title += head[index + 1]
            }
            if agencyPart(of: title) == nil, index > 0, isAgencyLine(head[index - 1]) {
                title = head[index - 1] + title
            }
            candidates.append(title)
        }
        func hasYear(_ title: String) -> Bool { yearOffset(in: Array(MatchKey.key(title))) != nil }
        return candidates.first { agencyPart(of: $0) != nil && hasYear($0) }
            ?? candidates.first { agencyPart(of: $0) != nil } ?? candidates.first
    }

    static func isTitleLike(_ line: String) -> Bool {
        // Most lines are long paragraphs or have no 信息公开/資訊公開: decided on bytes before any key is made.
        guard line.utf8.count <= 400, line.has("公开") || line.has("公開") else { return false }
        let key = MatchKey.key(line)
        return key.count <= 70 && key.has("信息公开") && (key.has("报告") || key.has("年报") || key.has("年度报"))
            && !key.has("根据") && !key.has("依据") && !key.has(">") && !key.has("位置") && !key.has("《") && !key.has("。") && !key.has("格式")
    }

    static let agencySuffixes = ["人民政府", "政府", "办事处", "街道", "镇", "乡", "局", "委员会", "办公室", "委", "办", "中心", "区", "县", "市"]

    /// A line that holds only the body's name, or the name and the year (`天津市城市管理委员会2025年度`),
    /// above a title line that lacks them.
    static func isAgencyLine(_ line: String) -> Bool {
        var key = MatchKey.key(line)
        guard key.count <= 30, !key.has("信息公开") else { return false }
        if key.endsWith("年度") { key.removeLast(2) } else if key.endsWith("年") { key.removeLast() }
        while let last = key.last, last.isASCIIDigitish { key.removeLast() }
        return agencySuffixes.contains(where: { key.endsWith($0) })
    }

    /// Reports without a title line often name themselves in the opening sentences:
    /// `现发布《2023年如东县人民政府办公室政府信息公开年度报告》`, `由两城镇人民政府党政办公室编制`,
    /// `现公布长安区砲里街道2022年政府信息公开工作年度报告`, `特向社会公布2019年度青龙镇政府(机关)信息公开年度报告`.
    static func agencyInBody(_ paragraphs: [String]) -> String? {
        for paragraph in paragraphs {
            let key = MatchKey.key(paragraph)
            // A title quoted in 《》.
            var rest = key[...]
            while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
                let quoted = String(rest[rest.index(after: open)..<close])
                if quoted.has("报告"), yearOffset(in: Array(quoted)) != nil, let agency = agencyPart(of: quoted), !agency.startsWith("我"),
                   agencySuffixes.contains(where: { agency.endsWith($0) }) {
                    return agency
                }
                rest = rest[rest.index(after: close)...]
            }
            // 由…编制: often the body's office (`两城镇人民政府党政办公室`); the body is what comes before it.
            if let by = key.byteRange(of: "由"), let made = key[by.upperBound...].byteRange(of: "编制") {
                var name = String(key[by.upperBound..<made.lowerBound])
                for office in ["党政综合办公室", "党政办公室", "党政办", "综合办公室"] where name.hasSuffix(office) && name.count > office.count + 1 {
                    name.removeLast(office.count)
                    break
                }
                if (2...24).contains(name.count), agencySuffixes.contains(where: { name.contains($0) }) { return name }
            }
            // …公布/现将/发布 NAME YYYY年…信息公开…报告
            let characters = Array(key)
            if let yearStart = yearOffset(in: characters) {
                var before = String(characters[..<yearStart])
                if before.endsWith("编制") { before.removeLast(2) }
                let cuts = ["公布", "发布", "现将", "编制", ",", "。", "》", ")", "要求"]
                var name = Substring(before)
                for cut in cuts {
                    if let range = name.ranges(of: cut).last { name = name[range.upperBound...] }
                }
                let candidate = String(name)
                if candidate.isEmpty {
                    let after = String(characters[yearStart...])
                    if after.has("信息公开"), after.has("报告"), let agency = agencyPart(of: after), !agency.startsWith("我") { return agency }
                } else if (2...24).contains(candidate.count), !candidate.startsWith("我"), !candidate.startsWith("本"),
                          agencySuffixes.contains(where: { candidate.endsWith($0) }) {
                    return cleanAgency(candidate)
                }
            }
        }
        return nil
    }

    /// The body named in a title: before the year (`羊亭镇2021年…`), or between the year and
    /// `政府信息公开` (`2022年深圳市福田区华富街道办事处政府信息公开…`).
    static func agencyPart(of title: String) -> String? {
        let key = MatchKey.key(title)
        let characters = Array(key)
        guard let yearStart = yearOffset(in: characters) else {
            return agencyBefore(key[...])
        }
        var prefix = String(characters[..<yearStart])
        if prefix.startsWith("关于") { prefix.removeFirst(2) }
        if !prefix.isEmpty { return cleanAgency(prefix) }
        var after = yearStart + 5
        if after < characters.count, characters[after] == "度" { after += 1 }
        return agencyBefore(String(characters[after...])[...])
    }

    /// The name before the earliest of 政府信息公开 / 信息公开 / 政务公开 (within the first sentence).
    static func agencyBefore(_ text: Substring) -> String? {
        let sentence = text.prefix { $0 != "。" }
        let found = ["政府信息公开", "信息公开", "政务公开"].compactMap { sentence.byteRange(of: $0) }
        guard let range = found.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        return cleanAgency(String(sentence[..<range.lowerBound]))
    }

    static func cleanAgency(_ name: String) -> String? {
        var name = name
        if let paren = name.firstIndex(of: "("), name.endsWith(")") { name = String(name[..<paren]) }
        name = name.trimmingSpaces
        return name.count >= 2 ? name : nil
    }

    /// The offset of the first `YYYY年` with a plausible year.
    static func yearOffset(in characters: [Character]) -> Int? {
        guard characters.count >= 5 else { return nil }
        for index in 0...(characters.count - 5) where characters[index + 4] == "年" {
            let digits = characters[index..<index + 4]
            guard digits.allSatisfy(\.isASCIIDigitish), index == 0 || !characters[index - 1].isASCIIDigitish,
                  let year = Int(String(digits)), (2000...2100).contains(year) else { continue }
            return index
        }
        return nil
    }

    static func year(in text: String) -> Int? {
        let characters = Array(text)
        guard let offset = yearOffset(in: characters) else { return nil }
        return Int(String(characters[offset..<offset + 4]))
    }

    /// The data year from the statistics-period sentence: `统计期限为2021年1月1日至2021年12月31日`.
    static func periodYear(in text: String) -> Int? {
        for marker in ["统计期限", "统计时限", "统计时间", "统计数据", "数据统计"] {
            guard let range = text.byteRange(of: marker) else { continue }
            let window = String(text[range.upperBound...].prefix(30))
            if let year = year(in: window) { return year }
        }
        return nil
    }

    static func fileYear(_ file: String) -> Int? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let characters = Array(name)
        guard characters.count >= 4 else { return nil }
        for index in 0...(characters.count - 4) {
            let digits = characters[index..<index + 4]
            guard digits.allSatisfy(\.isASCIIDigitish), index == 0 || !characters[index - 1].isASCIIDigitish,
                  index + 4 == characters.count || !characters[index + 4].isASCIIDigitish,
                  let year = Int(String(digits)), (2000...2100).contains(year) else { continue }
            return year
        }
        return nil
    }

    // MARK: Place and level

    static let municipalities: Set<String> = ["北京市", "上海市", "天津市", "重庆市"]
    static let notPlaces: Set<String> = ["城市", "市场", "社区", "园区", "开发区", "新区", "高新区", "城区", "辖区", "景区", "街区", "小区"]
    static let departmentWords = ["局", "委员会", "委", "办公室", "办", "中心", "厅", "署", "所", "院", "站", "队", "部", "处", "会", "馆"]

    /// Splits an agency name into its administrative parts: `威海市环翠区羊亭镇` → 威海市 / 环翠区 / 羊亭镇.
    static func place(of agency: String?) -> Place {
        var place = Place()
        guard let agency else { return place }
        let key = MatchKey.key(agency)
        var rest = Substring(key)
        var parts: [String] = []
        let suffixes = ["自治区", "街道", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡"]
        scan: while !rest.isEmpty {
            var best: (end: String.Index, suffix: String)?
            for suffix in suffixes {
                guard let range = rest.byteRange(of: suffix) else { continue }
                let length = rest.distance(from: rest.startIndex, to: range.upperBound)
                guard length >= suffix.count + 1 else { continue }
                if let current = best, range.upperBound >= current.end { continue }
                best = (range.upperBound, suffix)
            }
            guard var found = best else { break scan }
            // `德州市`: a 州 name that is itself a 市.
            if found.suffix == "州", found.end < rest.endIndex, rest[found.end] == "市" { found.end = rest.index(after: found.end) }
            let part = String(rest[..<found.end])
            if notPlaces.contains(part) || part == "自治区" || part.count > 12 { break scan }
            parts.append(part)
            rest = rest[found.end...]
        }
        for part in parts {
            if part.endsWith("省") || part.endsWith("自治区") { place.province = part }
            else if municipalities.contains(part) { place.province = part; place.city = part }
            else if part.endsWith("市") || part.endsWith("州") || part.endsWith("盟") {
                if place.city == nil { place.city = part } else { place.county = part }
            }
            else if part.endsWith("县") || part.endsWith("区") || part.endsWith("旗") { place.county = part }
            else { place.township = part }
        }
        let remainder = String(rest)
        place.level = level(parts: parts, remainder: remainder, key: key, place: place)
        return place
    }

    /// Without a name, how the report speaks of itself tells its level: 我镇/我乡 → township, 我街/本街道 →
    /// street, 我局/我委/我办 → department, 我县/全县 → county, 我市/全市 → city. The first one found wins.
    static func levelFromSelfReference(_ text: String) -> Level {
        let markers: [(String, Level)] = [
            ("我镇", .township), ("本镇", .township), ("全镇", .township), ("我乡", .township), ("本乡", .township), ("全乡", .township),
            ("我街", .street), ("本街道", .street), ("全街", .street), ("街道办", .street),
            ("我局", .department), ("本局", .department), ("我委", .department), ("我办", .department), ("本机关", .department),
            ("我县", .county), ("全县", .county), ("本县", .county), ("我区", .county), ("全区", .county),
            ("我市", .city), ("全市", .city),
        ]
        let key = MatchKey.folded(String(text.prefix(3000)))
        let joined = String(key)
        var best: (offset: Int, level: Level)?
        for (marker, level) in markers {
            guard let range = joined.byteRange(of: marker) else { continue }
            let offset = joined.distance(from: joined.startIndex, to: range.lowerBound)
            if let current = best, current.offset <= offset { continue }
            best = (offset, level)
        }
        return best?.level ?? .other
    }

    static func level(parts: [String], remainder: String, key: String, place: Place) -> Level {
        if key.has("开发区") || key.has("园区") || key.has("高新区") { return .other }
        let bare = remainder.replacing("人民政府", with: "").replacing("政府", with: "").replacing("办事处", with: "")
        if !bare.isEmpty {
            if bare == "街" || bare.endsWith("街道") { return .street }
            if departmentWords.contains(where: { bare.endsWith($0) }) { return .department }
        }
        guard let last = parts.last else {
            if key.endsWith("街") { return .street }
            return departmentWords.contains(where: { key.endsWith($0) }) ? .department : .other
        }
        if last.endsWith("镇") || last.endsWith("乡") { return .township }
        if last.endsWith("街道") { return .street }
        if last.endsWith("县") || last.endsWith("区") || last.endsWith("旗") { return .county }
        if last.endsWith("市") || last.endsWith("州") || last.endsWith("盟") {
            return parts.count >= 2 && !municipalities.contains(parts[0]) && parts[0].endsWith("市") ? .county : .city
        }
        if last.endsWith("省") || last.endsWith("自治区") { return .other }
        return .other
    }
}
