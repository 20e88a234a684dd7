/// The national templates' tables, as data: which rows and columns each table has, the labels the
/// template prints (the canonical values users query by), and the distinctive words that find each
/// label in messy text.
public enum TemplateCatalog {
    public struct Article20Item: Sendable {
        /// `第二十条第（一）项`, full-width parentheses as the template prints it.
        public var item: String
        /// The item's number as written inside the parentheses.
        public var numeral: String
        public var rows: [Article20Row]
        public var measures: [String]
    }

    public struct Article20Row: Sendable {
        /// The canonical label.
        public var content: String
        /// Spellings accepted for the row, the canonical one among them. A spelling found is kept as the content.
        public var spellings: [String]
    }

    public static func article20Items(_ template: Template) -> [Article20Item] {
        func row(_ content: String, _ others: String...) -> Article20Row {
            Article20Row(content: content, spellings: [content] + others)
        }
        func item(_ numeral: String, _ rows: [Article20Row], _ measures: [String]) -> Article20Item {
            Article20Item(item: "第二十条第（\(numeral)）项", numeral: numeral, rows: rows, measures: measures)
        }
        switch template {
        case .y2019:
            let projects = ["上一年项目数量", "本年增/减", "处理决定数量"]
            return [
                item("一", [row("规章"), row("规范性文件", "行政规范性文件")], ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
                item("五", [row("行政许可"), row("其他对外管理服务事项")], projects),
                item("六", [row("行政处罚"), row("行政强制")], projects),
                item("八", [row("行政事业性收费")], ["上一年项目数量", "本年增/减"]),
                item("九", [row("政府集中采购")], ["采购项目数量", "采购总金额"]),
            ]
        case .y2021:
            let decisions = ["本年处理决定数量"]
            return [
                item("一", [row("规章"), row("行政规范性文件", "规范性文件")], ["本年制发件数", "本年废止件数", "现行有效件数"]),
                item("五", [row("行政许可")], decisions),
                item("六", [row("行政处罚"), row("行政强制")], decisions),
                item("八", [row("行政事业性收费")], ["本年收费金额（单位：万元）"]),
            ]
        }
    }

    /// Header words that tell the templates apart (matched on folded keys).
    static let headerWords2021 = ["制发件数", "废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量"]
    static let headerWords2019 = ["新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额"]

    // MARK: Section 三

    public static let applicants = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    public struct RequestRow: Sendable {
        public var stage: RequestStage
        public var outcome: String?
        public var reason: String?
        /// A word the row's label contains, or the whole label with `exact`.
        public var keyword: String
        public var exact: Bool = false

        public var label: String { reason ?? outcome ?? stage.rawValue }
    }

    public static let denialReasons = [
        ("属于国家秘密", "国家秘密"), ("其他法律行政法规禁止公开", "禁止公开"), ("危及“三安全一稳定”", "三安全一稳定"),
        ("保护第三方合法权益", "第三方合法权益"), ("属于三类内部事务信息", "内部事务"), ("属于四类过程性信息", "过程性信"),
        ("属于行政执法案卷", "执法案卷"), ("属于行政查询事项", "行政查询"),
    ]
    public static let unavailableReasons = [
        ("本机关不掌握相关政府信息", "不掌握"), ("没有现成信息需要另行制作", "另行制作"), ("补正后申请内容仍不明确", "仍不明确"),
    ]
    public static let notProcessedReasons = [
        ("信访举报投诉类申请", "信访举报"), ("重复申请", "重复申请"), ("要求提供公开出版物", "公开出版物"),
        ("无正当理由大量反复申请", "大量反复"), ("要求行政机关确认或重新出具已获取信息", "重新出具"),
    ]
    public static let otherReasons2021 = [
        ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正"),
        ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "缴纳费用"),
    ]

    /// Section 三's rows in the order the template prints them. 2019 has one （六）其他处理 row; 2021 three.
    public static func requestRows(_ template: Template) -> [RequestRow] {
        var rows = [
            RequestRow(stage: .received, keyword: "本年新收"),
            RequestRow(stage: .carriedOver, keyword: "上年结转"),
            RequestRow(stage: .handled, outcome: "予以公开", keyword: "予以公开"),
            RequestRow(stage: .handled, outcome: "部分公开", keyword: "部分公开"),
        ]
        for (reason, keyword) in denialReasons {
            rows.append(RequestRow(stage: .handled, outcome: "不予公开", reason: reason, keyword: keyword))
        }
        for (reason, keyword) in unavailableReasons {
            rows.append(RequestRow(stage: .handled, outcome: "无法提供", reason: reason, keyword: keyword))
        }
        for (reason, keyword) in notProcessedReasons {
            rows.append(RequestRow(stage: .handled, outcome: "不予处理", reason: reason, keyword: keyword))
        }
        switch template {
        case .y2019:
            rows.append(RequestRow(stage: .handled, outcome: "其他处理", keyword: "其他处理"))
        case .y2021:
            for (reason, keyword) in otherReasons2021 {
                rows.append(RequestRow(stage: .handled, outcome: "其他处理", reason: reason, keyword: keyword))
            }
            rows.append(RequestRow(stage: .handled, outcome: "其他处理", reason: "其他", keyword: "其他", exact: true))
        }
        rows.append(RequestRow(stage: .handled, outcome: "总计", keyword: "总计", exact: true))
        rows.append(RequestRow(stage: .carriedForward, keyword: "结转下年度"))
        return rows
    }

    // MARK: Section 四

    public static let reviewKinds = ["行政复议", "未经复议直接起诉", "复议后起诉"]
    public static let reviewResults = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
}
