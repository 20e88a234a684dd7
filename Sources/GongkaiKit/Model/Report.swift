/// The values one annual report yields: metadata, narrative, the three tables, numbers found in prose,
/// and every warning the reader raised on the way. Everything later (store, query, audit) works on this.
public struct Report: Sendable, Equatable, Codable {
    public var file: String
    public var title: String?
    public var agency: String?
    public var province: String?
    public var city: String?
    public var county: String?
    public var township: String?
    public var level: Level
    public var year: Int?
    public var template: Template?
    /// The 主动公开 total stated in section 一; approximate figures (`100余条`) are kept but flagged.
    public var activeTotal: ProseNumber?
    public var narrative: [NarrativeSection]
    public var channels: [ChannelCount]
    public var proseNumbers: [ProseNumber]
    public var article20: [Article20Cell]
    public var requests: [RequestCell]
    public var reviews: [ReviewCell]
    public var warnings: [ParseWarning]

    public init(file: String) {
        self.file = file
        level = .other
        narrative = []
        channels = []
        proseNumbers = []
        article20 = []
        requests = []
        reviews = []
        warnings = []
    }

    /// The stated requests received, as prose says them (`共接到3次…申请`).
    public var requestsInProse: ProseNumber? {
        proseNumbers.first { $0.kind == ProseNumber.Kind.requestsReceived }
    }

    public func request(stage: RequestStage, outcome: String? = nil, reason: String? = nil, applicant: String) -> CellValue? {
        requests.first {
            $0.stage == stage && $0.outcome == outcome && $0.reason == reason && $0.applicant == applicant
        }?.value
    }

    public func article20(content: String, measure: String) -> CellValue? {
        article20.first { $0.content == content && $0.measure == measure }?.value
    }

    public func review(kind: String, result: String) -> CellValue? {
        reviews.first { $0.kind == kind && $0.result == result }?.value
    }
}

public enum Level: String, Sendable, Codable, CaseIterable {
    case township, street, county, city, department, other
}

public enum Template: String, Sendable, Codable {
    case y2019 = "2019"
    case y2021 = "2021"
}

public struct NarrativeSection: Sendable, Equatable, Codable {
    public var section: Int
    public var heading: String
    public var body: String
    public init(section: Int, heading: String, body: String) {
        self.section = section
        self.heading = heading
        self.body = body
    }
}

/// A number stated in a sentence, with the sentence, so an analyst can see why the reader believes it.
public struct ProseNumber: Sendable, Equatable, Codable {
    public enum Kind {
        public static let activeTotal = "active_total"
        public static let requestsReceived = "requests_received"
        public static let feesCollected = "fees_collected"
    }
    public var kind: String
    public var value: Double
    /// `100余条`, `260余`: the writer gave a floor, not a count.
    public var approximate: Bool
    public var evidence: String
    public init(kind: String, value: Double, approximate: Bool = false, evidence: String) {
        self.kind = kind
        self.value = value
        self.approximate = approximate
        self.evidence = evidence
    }
}

public struct ChannelCount: Sendable, Equatable, Codable {
    public var channel: String
    public var account: String?
    public var items: Double
    public var approximate: Bool
    public var evidence: String
    public init(channel: String, account: String?, items: Double, approximate: Bool = false, evidence: String) {
        self.channel = channel
        self.account = account
        self.items = items
        self.approximate = approximate
        self.evidence = evidence
    }
}

public struct Article20Cell: Sendable, Equatable, Codable {
    public var item: String
    public var content: String
    public var measure: String
    public var value: CellValue
    public init(item: String, content: String, measure: String, value: CellValue) {
        self.item = item
        self.content = content
        self.measure = measure
        self.value = value
    }
}

public enum RequestStage: String, Sendable, Codable, CaseIterable {
    case received = "本年新收"
    case carriedOver = "上年结转"
    case handled = "办理结果"
    case carriedForward = "结转下年度"
}

public struct RequestCell: Sendable, Equatable, Codable {
    public var stage: RequestStage
    public var outcome: String?
    public var reason: String?
    public var applicant: String
    public var value: CellValue
    public init(stage: RequestStage, outcome: String?, reason: String?, applicant: String, value: CellValue) {
        self.stage = stage
        self.outcome = outcome
        self.reason = reason
        self.applicant = applicant
        self.value = value
    }
}

public struct ReviewCell: Sendable, Equatable, Codable {
    public var kind: String
    public var result: String
    public var value: CellValue
    public init(kind: String, result: String, value: CellValue) {
        self.kind = kind
        self.result = result
        self.value = value
    }
}
