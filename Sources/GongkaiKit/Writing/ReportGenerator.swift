/// Reports with known values, deterministic from a seed: both templates, tables that add up unless a
/// fault is asked for, prose in several phrasings. Every generated title says （合成样例）: generated
/// numbers are never to be taken for real ones.
public struct ReportGenerator {
    public struct Body: Sendable, Equatable {
        public var city: String
        public var county: String
        public var name: String
        public init(city: String, county: String, name: String) {
            self.city = city
            self.county = county
            self.name = name
        }
        public var agency: String { city + county + name }
    }

    /// Deliberate inconsistencies, each breaking one audit rule.
    public enum Fault: String, CaseIterable, Sendable {
        /// 本年新收 + 上年结转 ≠ 总计 + 结转下年度 in the 总计 column.
        case requestBalance
        /// A row's 总计 is not the sum of its applicant columns.
        case rowTotal
        /// The prose says a different number of requests than the table.
        case proseRequests
        /// The channel counts do not add up to the stated total.
        case channelSum
        /// A review block's 总计 is not the sum of its results.
        case reviewTotal
        /// A cell holds `/` instead of a number.
        case textCell
    }

    /// What one year hands to the next, so a body's reports agree across years.
    public struct Carry: Sendable {
        public var carriedForward: [Int]
        public var regulationsInForce: Int
        public var normativeInForce: Int
        /// 2019 template: next year's 上一年项目数量 per row (this year's plus 本年增/减).
        public var projects: [String: Int] = [:]
    }

    /// Fictional bodies in a fictional city (示范市): names chosen not to be taken for real places.
    public static let fictionalBodies: [Body] = [
        Body(city: "示范市", county: "东湖区", name: "青石街道"),
        Body(city: "示范市", county: "东湖区", name: "柳岸街道"),
        Body(city: "示范市", county: "西山县", name: "桃源镇"),
        Body(city: "示范市", county: "西山县", name: "松林乡"),
        Body(city: "示范市", county: "北岭县", name: "白沙镇"),
        Body(city: "示范市", county: "北岭县", name: "云岗镇"),
    ]

    var random: SplitMix64
    /// Keep every table value a single digit (for the run-together layout, where only that is unambiguous).
    public var smallNumbers = false

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    public mutating func report(body: Body, year: Int, template: Template, faults: Set<Fault> = [], carry: Carry? = nil) -> Report {
        var report = Report(file: "\(body.agency)-\(year)-合成样例.txt")
        report.title = "\(body.agency)\(year)年政府信息公开工作年度报告（合成样例）"
        report.agency = body.agency
        report.city = body.city
        report.county = body.county
        report.township = body.name
        report.level = body.name.hasSuffix("街道") ? .street : .township
        report.year = year
        report.template = template
        report.article20 = article20(template: template, carry: carry)
        report.requests = requests(template: template, carriedOver: carry?.carriedForward, faults: faults)
        report.reviews = reviews(faults: faults)
        let channels = makeChannels(scale: Self.activityScale(of: body))
        var total = channels.reduce(0) { $0 + $1.items }
        if faults.contains(.channelSum) { total += Double(1 + random.below(9)) }
        let received = report.request(stage: .received, applicant: "总计")?.number ?? 0
        let stated = faults.contains(.proseRequests) ? received + Double(1 + random.below(3)) : received
        let fee = report.article20.first { $0.measure == "本年收费金额（单位：万元）" }?.value.number ?? 0
        report.narrative = narrative(year: year, body: body, channels: channels, total: total, requests: stated, feeYuan: fee * 10000)
        // The known values, stated independently of the prose (the round-trip tests compare the two).
        let evidence = "（合成样例）"
        report.channels = channels.map { ChannelCount(channel: $0.channel, account: $0.account, items: $0.items, evidence: evidence) }
        report.activeTotal = ProseNumber(kind: ProseNumber.Kind.activeTotal, value: total, evidence: evidence)
        report.proseNumbers = [
            report.activeTotal,
            ProseNumber(kind: ProseNumber.Kind.requestsReceived, value: stated, evidence: evidence),
            ProseNumber(kind: ProseNumber.Kind.feesCollected, value: (fee * 10000).rounded(), evidence: evidence),
        ].compactMap { $0 }
        if faults.contains(.textCell), let index = report.article20.indices.first {
            report.article20[index].value = .text("/")
        }
        return report
    }

    /// How busy a body's channels are, fixed per body so its years stay comparable (no false outliers).
    static func activityScale(of body: Body) -> Double {
        var hash: UInt64 = 1469598103934665603
        for byte in body.agency.utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        return 0.3 + Double(hash % 100) / 100
    }

    /// The carry a report hands to the next year of the same body.
    public static func carry(from report: Report) -> Carry {
        let forward = TemplateCatalog.applicants.dropLast().map {
            Int(report.request(stage: .carriedForward, applicant: $0)?.number ?? 0)
        }
        let measure = report.template == .y2021 ? "现行有效件数" : "对外公开总数量"
        let regulations = Int(report.article20.first { $0.content == "规章" && $0.measure == measure }?.value.number ?? 0)
        let normative = Int(report.article20.first { $0.content.hasSuffix("规范性文件") && $0.measure == measure }?.value.number ?? 0)
        var projects: [String: Int] = [:]
        for cell in report.article20 where cell.measure == "上一年项目数量" {
            let change = report.article20(content: cell.content, measure: "本年增/减")?.number ?? 0
            projects[cell.content] = Int((cell.value.number ?? 0) + change)
        }
        return Carry(carriedForward: forward, regulationsInForce: regulations, normativeInForce: normative, projects: projects)
    }

    // MARK: Tables

    mutating func small(_ upper: Int) -> Int { random.below(smallNumbers ? min(upper, 4) : upper) }

    mutating func article20(template: Template, carry: Carry?) -> [Article20Cell] {
        var cells: [Article20Cell] = []
        for item in TemplateCatalog.article20Items(template) {
            for row in item.rows {
                var values: [Double] = []
                switch (template, item.numeral) {
                case (.y2021, "一"):
                    let before = row.content == "规章" ? carry?.regulationsInForce ?? small(3) : carry?.normativeInForce ?? small(8)
                    let made = small(4), repealed = min(before, small(2))
                    values = [made, repealed, before + made - repealed].map(Double.init)
                    if smallNumbers { values[2] = Double(min(9, Int(values[2]))) }
                case (.y2019, "一"):
                    let made = small(5), published = min(made, small(5))
                    values = [made, published, (carry.map { row.content == "规章" ? $0.regulationsInForce : $0.normativeInForce } ?? small(6)) + published].map(Double.init)
                    if smallNumbers { values[2] = Double(min(9, Int(values[2]))) }
                case (.y2021, "八"):
                    // Most bodies collect no fees; a few do (and then section 六 says so).
                    values = [smallNumbers || random.below(4) > 0 ? 0 : Double(1 + random.below(30)) / 10]
                case (.y2019, "五"), (.y2019, "六"), (.y2019, "八"):
                    let before = carry?.projects[row.content] ?? small(smallNumbers ? 9 : 60)
                    let change = smallNumbers ? 0 : random.below(7) - 3
                    values = [Double(before), Double(max(change, -before)), Double(small(smallNumbers ? 9 : 60))]
                    values = Array(values.prefix(item.measures.count))
                case (.y2019, "九"):
                    values = [Double(small(5)), smallNumbers ? Double(small(9)) : Double(random.below(900)) / 10]
                default:
                    values = item.measures.map { _ in Double(small(smallNumbers ? 9 : 60)) }
                }
                for (measure, value) in zip(item.measures, values) {
                    cells.append(Article20Cell(item: item.item, content: row.content, measure: measure, value: .number(value)))
                }
            }
        }
        return cells
    }

    mutating func requests(template: Template, carriedOver: [Int]?, faults: Set<Fault>) -> [RequestCell] {
        let rows = TemplateCatalog.requestRows(template)
        let outcomeRows = rows.filter { $0.stage == .handled && $0.outcome != "总计" }
        let columns = TemplateCatalog.applicants.count - 1
        // counts[row label][column]
        var counts: [String: [Int]] = [:]
        func key(_ row: TemplateCatalog.RequestRow) -> String { "\(row.stage.rawValue)/\(row.outcome ?? "")/\(row.reason ?? "")" }
        for row in rows { counts[key(row)] = Array(repeating: 0, count: columns) }
        for column in 0..<columns {
            let busy = column == 0 ? 6 : 2
            let received = smallNumbers ? random.below(2) : random.below(busy)
            let carried = carriedOver.map { column < $0.count ? $0[column] : 0 } ?? (smallNumbers ? 0 : random.below(2))
            let forward = smallNumbers ? 0 : min(received + carried, random.below(2))
            var handled = received + carried - forward
            counts[key(rows[0])]?[column] = received
            counts[key(rows[1])]?[column] = carried
            counts[key(rows[rows.count - 1])]?[column] = forward
            counts[key(rows[rows.count - 2])]?[column] = handled
            while handled > 0 {
                let pick = random.below(10) < 6 ? outcomeRows[0] : outcomeRows[random.below(outcomeRows.count)]
                counts[key(pick)]?[column] += 1
                handled -= 1
            }
        }
        if faults.contains(.requestBalance) { counts[key(rows[0])]?[0] += 1 }
        var cells: [RequestCell] = []
        for row in rows {
            let values = counts[key(row)] ?? []
            var total = values.reduce(0, +)
            if faults.contains(.requestBalance), row.stage == .received { total = values.reduce(0, +) }
            if faults.contains(.rowTotal), row.outcome == "予以公开" { total += 1 }
            for (column, applicant) in TemplateCatalog.applicants.enumerated() {
                let value = column < columns ? values[column] : total
                cells.append(RequestCell(stage: row.stage, outcome: row.outcome, reason: row.reason, applicant: applicant, value: .number(Double(value))))
            }
        }
        return cells
    }

    mutating func reviews(faults: Set<Fault>) -> [ReviewCell] {
        var cells: [ReviewCell] = []
        for kind in TemplateCatalog.reviewKinds {
            let parts = (0..<4).map { _ in random.below(10) < 7 ? 0 : small(3) }
            var total = parts.reduce(0, +)
            if faults.contains(.reviewTotal), kind == "行政复议" { total += 1 }
            for (result, value) in zip(TemplateCatalog.reviewResults, parts + [total]) {
                cells.append(ReviewCell(kind: kind, result: result, value: .number(Double(value))))
            }
        }
        return cells
    }
}

/// A small, fast, seedable generator (Vigna's SplitMix64): the same seed gives the same reports on
/// every machine.
public struct SplitMix64: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<upper (0 when upper ≤ 0).
    public mutating func below(_ upper: Int) -> Int {
        guard upper > 0 else { return 0 }
        return Int(next() % UInt64(upper))
    }
}
