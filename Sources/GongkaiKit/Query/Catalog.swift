/// The names a user types: metrics (named aggregates over the schema) and dimensions (what results are
/// grouped and filtered by), each with an English and a Chinese name. The resolver and the compiler take
/// table and column names only from here, so no identifier ever comes from the user.
public enum Catalog {
    /// Where a metric's numbers live. Each source is aggregated on its own, then joined on the dimensions.
    public enum Source: String, Sendable {
        case report, channel, request, review, article20, prose, finding, reuse
    }

    public struct Metric: Sendable {
        public var name: String
        public var chinese: String
        public var source: Source
        /// The value summed (over the source's rows that pass `condition`), or a whole aggregate when `aggregate` is set.
        public var value: String
        public var condition: String?
        public var aggregate: String?
        /// Only in this template's reports (NULL for the others).
        public var template: Template?
        public var summary: String
        /// A rate: shown as a percentage in the table and Markdown.
        public var percent = false
    }

    public enum ValueType: String, Sendable { case integer, text }

    public struct Dimension: Sendable {
        public var name: String
        public var chinese: String
        /// The column, qualified by the alias of its table: `r` for report, `f` for the source's fact table.
        public var column: String
        /// nil: a report column, usable with every metric; else only with metrics of this source.
        public var source: Source?
        public var type: ValueType
        /// The values it can take, when the set is closed (checked in `where`, offered by completion).
        public var values: [String]?
        public var summary: String
        /// What grouping by it reads, when that is not `column`: a place is grouped as itself (two
        /// 柳岸街道 of two counties are two rows, labelled `东湖区 柳岸街道`), filtered by its bare name.
        public var groupColumn: String? = nil
        /// The column a result groups by.
        public var grouped: String { groupColumn ?? column }
        /// Values typed in Chinese, as the template prints them, for the stored ones (`街道` → street).
        public var aliases: [String: String] = [:]
        /// The stored values as the template prints them, shown when the dimension is named in Chinese.
        public var chineseValues: [String: String] = [:]
        /// Only these metrics have rows it describes (`reason` is a row under an outcome).
        public var onlyWith: [String]? = nil
        /// Values of the list joined by 、 are values too (channels counted together: `微信公众号、微博`).
        public var mergedValuesAllowed = false
    }

    static let requestOutcome = "f.stage = '办理结果' AND f.outcome"
    /// What a request metric sums when section 三 is read a table row at a time: the row's 总计 cell.
    static let requestTotal = "f.total"

    /// What a metric sums over the rows of its table (`table(_:applicantColumns:)`).
    static func summed(_ metric: Metric, applicantColumns: Bool) -> String {
        metric.source == .request && !applicantColumns ? requestTotal : metric.value
    }

    public static let metrics: [Metric] = [
        Metric(name: "active", chinese: "主动公开", source: .channel, value: "f.items", condition: "f.approximate = 0",
               summary: "主动公开 items: by channel, the channel counts; otherwise the stated total (else the sum of the channels)"),
        Metric(name: "requests", chinese: "申请", source: .request, value: "f.count", condition: "f.stage = '本年新收'",
               summary: "本年新收 requests received this year (section 三)"),
        Metric(name: "carried_over", chinese: "上年结转", source: .request, value: "f.count", condition: "f.stage = '上年结转'",
               summary: "requests carried over from last year"),
        Metric(name: "granted", chinese: "予以公开", source: .request, value: "f.count", condition: "\(requestOutcome) = '予以公开'",
               summary: "requests answered 予以公开 (granted)"),
        Metric(name: "partial", chinese: "部分公开", source: .request, value: "f.count", condition: "\(requestOutcome) = '部分公开'",
               summary: "requests answered 部分公开 (partly granted)"),
        Metric(name: "denied", chinese: "不予公开", source: .request, value: "f.count", condition: "\(requestOutcome) = '不予公开'",
               summary: "requests answered 不予公开 (refused), all reasons"),
        Metric(name: "cannot_provide", chinese: "无法提供", source: .request, value: "f.count", condition: "\(requestOutcome) = '无法提供'",
               summary: "requests answered 无法提供 (information not held, …)"),
        Metric(name: "not_processed", chinese: "不予处理", source: .request, value: "f.count", condition: "\(requestOutcome) = '不予处理'",
               summary: "requests 不予处理 (petitions, repeats, …)"),
        Metric(name: "other_handling", chinese: "其他处理", source: .request, value: "f.count", condition: "\(requestOutcome) = '其他处理'",
               summary: "requests handled otherwise (其他处理)"),
        Metric(name: "handled", chinese: "办理总计", source: .request, value: "f.count", condition: "\(requestOutcome) = '总计'",
               summary: "requests handled this year (（七）总计); by outcome, each outcome"),
        Metric(name: "carried_forward", chinese: "结转下年度", source: .request, value: "f.count", condition: "f.stage = '结转下年度'",
               summary: "requests carried forward to next year"),
        Metric(name: "reviews", chinese: "行政复议", source: .review, value: "f.count", condition: "f.kind = '行政复议' AND f.result = '总计'",
               summary: "administrative reviews (行政复议 总计)"),
        Metric(name: "reviews_upheld", chinese: "复议维持", source: .review, value: "f.count", condition: "f.kind = '行政复议' AND f.result = '结果维持'",
               summary: "reviews that upheld the decision"),
        Metric(name: "reviews_corrected", chinese: "复议纠正", source: .review, value: "f.count", condition: "f.kind = '行政复议' AND f.result = '结果纠正'",
               summary: "reviews that corrected the decision"),
        Metric(name: "lawsuits", chinese: "行政诉讼", source: .review, value: "f.count", condition: "f.kind <> '行政复议' AND f.result = '总计'",
               summary: "lawsuits (未经复议直接起诉 + 复议后起诉, 总计)"),
        Metric(name: "lawsuits_corrected", chinese: "诉讼纠正", source: .review, value: "f.count", condition: "f.kind <> '行政复议' AND f.result = '结果纠正'",
               summary: "lawsuits that corrected the decision"),
        Metric(name: "licensing_decisions", chinese: "行政许可", source: .article20, value: "f.value",
               condition: "f.content = '行政许可' AND f.measure IN ('本年处理决定数量', '处理决定数量')",
               summary: "行政许可 decisions this year (section 二, both templates)"),
        Metric(name: "penalties", chinese: "行政处罚", source: .article20, value: "f.value",
               condition: "f.content = '行政处罚' AND f.measure IN ('本年处理决定数量', '处理决定数量')",
               summary: "行政处罚 decisions this year (both templates)"),
        Metric(name: "enforcement", chinese: "行政强制", source: .article20, value: "f.value",
               condition: "f.content = '行政强制' AND f.measure IN ('本年处理决定数量', '处理决定数量')",
               summary: "行政强制 decisions this year (both templates)"),
        Metric(name: "documents_in_force", chinese: "现行有效件数", source: .article20, value: "f.value",
               condition: "f.content IN ('行政规范性文件', '规范性文件') AND f.measure = '现行有效件数'", template: .y2021,
               summary: "normative documents in force (2021 template only)"),
        Metric(name: "documents_issued", chinese: "制发件数", source: .article20, value: "f.value",
               condition: "f.content IN ('行政规范性文件', '规范性文件') AND f.measure = '本年制发件数'", template: .y2021,
               summary: "normative documents issued this year (2021 template only)"),
        Metric(name: "fees", chinese: "收费金额", source: .article20, value: "f.value",
               condition: "f.content = '行政事业性收费' AND f.measure = '本年收费金额（单位：万元）'", template: .y2021,
               summary: "administrative fees collected, 万元 (2021 template only)"),
        Metric(name: "procurement", chinese: "采购金额", source: .article20, value: "f.value",
               condition: "f.content = '政府集中采购' AND f.measure = '采购总金额'", template: .y2019,
               summary: "central procurement amount (2019 template only)"),
        Metric(name: "requests_in_prose", chinese: "叙述申请数", source: .prose, value: "f.value",
               condition: "f.kind = 'requests_received' AND f.approximate = 0",
               summary: "requests received as section 一's prose states them"),
        Metric(name: "reports", chinese: "报告数", source: .report, value: "", aggregate: "count(DISTINCT r.id)",
               summary: "number of reports"),
        Metric(name: "findings", chinese: "问题数", source: .finding, value: "", aggregate: "count(f.rowid)",
               summary: "audit findings and parse warnings (rows of finding)"),
        Metric(name: "text_reuse", chinese: "重复率", source: .reuse, value: "", aggregate: "avg(f.rate) FILTER (WHERE f.section = '全文')",
               summary: "share of sections 一/五/六 repeating the body's report of the year before (passages of 12+ characters, numbers masked); per report, averaged over a group",
               percent: true),
    ]

    public static let dimensions: [Dimension] = [
        Dimension(name: "year", chinese: "年份", column: "r.year", type: .integer, summary: "data year"),
        Dimension(name: "township", chinese: "乡镇", column: "r.township", type: .text,
                  summary: "镇/乡/街道 as written (羊亭镇); grouped by place, with its county where the name is shared", groupColumn: "r.township_place"),
        Dimension(name: "county", chinese: "区县", column: "r.county", type: .text,
                  summary: "县/区 (环翠区); grouped by place, with its city where the name is shared", groupColumn: "r.county_place"),
        Dimension(name: "city", chinese: "城市", column: "r.city", type: .text,
                  summary: "市 (威海市); grouped by place, with its province where the name is shared", groupColumn: "r.city_place"),
        Dimension(name: "province", chinese: "省份", column: "r.province", type: .text, summary: "省/自治区 (often absent)"),
        Dimension(name: "level", chinese: "层级", column: "r.level", type: .text, values: Level.allCases.map(\.rawValue),
                  summary: "township street county city department other (or 乡镇 街道 区县 市 部门 其他)",
                  aliases: ["乡镇": "township", "镇": "township", "乡": "township", "街道": "street", "区县": "county", "县": "county",
                            "区": "county", "市": "city", "城市": "city", "部门": "department", "其他": "other"],
                  chineseValues: ["township": "乡镇", "street": "街道", "county": "区县", "city": "市", "department": "部门", "other": "其他"]),
        Dimension(name: "agency", chinese: "机关", column: "r.agency", type: .text, summary: "the body as named in the title"),
        Dimension(name: "template", chinese: "模板", column: "r.template", type: .text, values: ["2019", "2021"], summary: "2019 or 2021"),
        Dimension(name: "file", chinese: "文件", column: "r.file", type: .text, summary: "the file loaded"),
        Dimension(name: "place_source", chinese: "地名来源", column: "r.county_source", type: .text, values: PlaceSource.allCases.map(\.rawValue),
                  summary: "where the county came from: title, text, folder, same_body, gazetteer, manifest"),
        Dimension(name: "channel", chinese: "渠道", column: "f.channel", source: .channel, type: .text,
                  values: ChannelCatalog.kinds, summary: "主动公开 channel (with active); several counted together are one value (微信公众号、微博)",
                  aliases: ChannelCatalog.aliases, mergedValuesAllowed: true),
        Dimension(name: "account", chinese: "账号", column: "f.account", source: .channel, type: .text, summary: "channel account name (with active)"),
        Dimension(name: "applicant", chinese: "申请人", column: "f.applicant", source: .request, type: .text,
                  values: TemplateCatalog.applicants, summary: "applicant column of section 三 (with request metrics)"),
        Dimension(name: "outcome", chinese: "办理结果", column: "f.outcome", source: .request, type: .text,
                  values: ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"], summary: "outcome row of section 三 (with handled)"),
        Dimension(name: "reason", chinese: "理由", column: "f.reason", source: .request, type: .text,
                  values: (TemplateCatalog.denialReasons + TemplateCatalog.unavailableReasons + TemplateCatalog.notProcessedReasons
                           + TemplateCatalog.otherReasons2021).map(\.0) + ["其他"],
                  summary: "the reason row under 不予公开, 无法提供, 不予处理, 其他处理 (with those metrics, or handled): 属于国家秘密, 重复申请, …",
                  onlyWith: ["denied", "cannot_provide", "not_processed", "other_handling", "handled"]),
        Dimension(name: "rule", chinese: "规则", column: "f.rule", source: .finding, type: .text, summary: "audit rule (with findings)"),
        Dimension(name: "severity", chinese: "级别", column: "f.severity", source: .finding, type: .text, values: ["error", "warning"],
                  summary: "error or warning, 错误 or 警告 (with findings)", aliases: ["错误": "error", "警告": "warning"],
                  chineseValues: ["error": "错误", "warning": "警告"]),
    ]

    public static let keywords = ["by", "where", "pivot", "order", "limit", "and", "or", "not", "in", "like", "as", "asc", "desc",
                                  "between", "is", "null", "top", "explain", "sql", "show", "check", "with", "compare", "search"]

    /// Keywords in Chinese, for the English one each stands for (`按` is `by`; `排序` is `order by`).
    public static let chineseKeywords: [String: String] = [
        "按": "by", "条件": "where", "透视": "pivot", "排序": "order", "降序": "desc", "升序": "asc",
        "并且": "and", "或者": "or", "介于": "between", "前": "top", "平均": "avg", "占比": "share",
        "合计": "total", "小计": "subtotals", "排名": "rank", "检查": "check", "对比": "compare", "搜索": "search",
    ]

    /// What `with` adds (`with total, rank`), each also a clause of its own in Chinese (`合计`, `小计`, `排名`).
    public static let additionWords: [String: Addition.Kind] = [
        "total": .total, "totals": .total, "subtotal": .subtotals, "subtotals": .subtotals, "rank": .rank,
    ]

    /// The labels of added rows and columns, by the language of the word that asked for them.
    public static func additionLabel(_ kind: Addition.Kind, chinese: Bool) -> String {
        switch kind {
        case .total: return chinese ? "合计" : "total"
        case .subtotals: return chinese ? "小计" : "subtotal"
        case .rank: return chinese ? "排名" : "rank"
        }
    }

    /// The functions of the query language, for the error that names an unknown one.
    public static let functions = ["avg(METRIC) / 平均(METRIC): per report", "share(METRIC) / 占比(METRIC): part of the column total"]

    /// The template's own row names, for the metric each one is (`本年新收` is requests received).
    public static let metricAliases: [String: String] = [
        "本年新收": "requests", "依申请公开": "requests", "新收申请": "requests", "收到申请": "requests",
        "办理结果总计": "handled", "办理结果": "handled", "结转下年": "carried_forward",
        "复议": "reviews", "诉讼": "lawsuits", "报告": "reports", "问题": "findings", "正文重复率": "text_reuse",
    ]

    public static func metric(named name: String) -> Metric? {
        let key = metricAliases[name] ?? name.lowercased()
        return metrics.first { $0.name == key || $0.chinese == name }
    }

    public static func dimension(named name: String) -> Dimension? {
        let key = name.lowercased()
        return dimensions.first { $0.name == key || $0.chinese == name }
    }

    /// Every name in both languages.
    public static var allNames: [String] {
        metrics.flatMap { [$0.name, $0.chinese] } + dimensions.flatMap { [$0.name, $0.chinese] } + metricAliases.keys
    }

    /// The CJK words the lexer may split a run into.
    public static let segmentableWords: Set<String> = Set(metrics.map(\.chinese) + dimensions.map(\.chinese) + chineseKeywords.keys
                                                          + metricAliases.keys + nullWords.keys + ["不比较"])

    /// `乡镇 为空` is `township is null`; `不为空` is `is not null` (the value: negated).
    public static let nullWords: [String: Bool] = ["为空": false, "不为空": true]

    /// The fact table of a source, and how rows join the report. Section 三 is read a table row at a
    /// time (`request_row`, its 总计 column: `requestTotal`) unless the question is about the applicant
    /// columns; then a cell at a time (the `request` view, RequestRows).
    static func table(_ source: Source, applicantColumns: Bool) -> String? {
        switch source {
        case .report: return nil
        case .channel: return "active_channel"
        case .request: return applicantColumns ? "request" : "request_row"
        case .review: return "review_litigation"
        case .article20: return "article20"
        case .prose: return "narrative_number"
        case .finding: return "finding"
        case .reuse: return "text_reuse"
        }
    }
}
