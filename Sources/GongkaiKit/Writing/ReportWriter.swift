/// Renders a report back into each text layout the reader understands. Used by the generator (for
/// `samples/` and benchmarks) and by the round-trip tests: write in every layout and encoding, read
/// back, compare.
public struct ReportWriter {
    public enum Layout: String, CaseIterable, Sendable {
        /// Word exported to text: TAB-prefixed cells, a blank line after each row (the seed's layout).
        case word
        /// `a | b | c` rows.
        case pipe
        /// Markdown tables with a `---` line under the header.
        case markdown
        /// One cell per line with `|` lines between cells (web pages saved as text).
        case cellPerLine
        /// Cells run together (`规章000`); unambiguous only when every value is one digit.
        case runTogether
    }

    public var layout: Layout
    public init(layout: Layout) { self.layout = layout }

    public func write(_ report: Report) -> String {
        var out: [String] = []
        if let title = report.title { out.append(title) }
        out.append("")
        for number in 1...6 {
            guard let section = report.narrative.first(where: { $0.section == number }) else { continue }
            out.append(section.heading)
            if !section.body.isEmpty { out.append(section.body) }
            switch number {
            case 2: out += article20Lines(report)
            case 3: out += table(requestGrid(report))
            case 4: out += table(reviewGrid(report))
            default: break
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Grids

    /// Section 二's tables as text: the spanned tables' cells row by row (text has no merged cells).
    func article20Lines(_ report: Report) -> [String] {
        spannedArticle20(report).flatMap { table($0.map { row in row.map(\.text) }) }
    }

    static let stageLabels: [RequestStage: String] = [
        .received: "一、本年新收政府信息公开申请数量", .carriedOver: "二、上年结转政府信息公开申请数量",
        .carriedForward: "四、结转下年度继续办理",
    ]
    static let outcomeLabels: [String: String] = [
        "予以公开": "（一）予以公开", "部分公开": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "不予公开": "（三）不予公开", "无法提供": "（四）无法提供", "不予处理": "（五）不予处理", "其他处理": "（六）其他处理",
        "总计": "（七）总计",
    ]

    func requestGrid(_ report: Report) -> [[String]] {
        guard !report.requests.isEmpty else { return [] }
        let template: Template = report.requests.contains { $0.reason == "其他" } ? .y2021 : .y2019
        var grid: [[String]] = [
            ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
            ["自然人", "法人或其他组织", "总计"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ]
        var lastOutcome: String?
        var numberInOutcome = 0
        // One pass to index the cells: looking each up in the list was quadratic.
        var cells: [String: CellValue] = [:]
        for cell in report.requests {
            cells["\(cell.stage.rawValue)|\(cell.outcome ?? "")|\(cell.reason ?? "")|\(cell.applicant)"] = cell.value
        }
        for row in TemplateCatalog.requestRows(template) {
            let values = TemplateCatalog.applicants.map { applicant in
                render(cells["\(row.stage.rawValue)|\(row.outcome ?? "")|\(row.reason ?? "")|\(applicant)"] ?? .missing)
            }
            if row.stage == .handled, lastOutcome == nil { grid.append(["三、本年度办理结果"]) }
            if let outcome = row.outcome, outcome != lastOutcome {
                numberInOutcome = 0
                if row.reason != nil { grid.append([Self.outcomeLabels[outcome] ?? outcome]) }
            }
            lastOutcome = row.outcome ?? lastOutcome
            let label: String
            if let reason = row.reason {
                numberInOutcome += 1
                label = "\(numberInOutcome).\(reason)"
            } else if let outcome = row.outcome {
                label = Self.outcomeLabels[outcome] ?? outcome
            } else {
                label = Self.stageLabels[row.stage] ?? row.stage.rawValue
            }
            grid.append([label] + values)
        }
        return grid
    }

    func reviewGrid(_ report: Report) -> [[String]] {
        guard !report.reviews.isEmpty else { return [] }
        let results = TemplateCatalog.reviewResults
        var grid: [[String]] = [["行政复议", "行政诉讼"], results + ["未经复议直接起诉", "复议后起诉"], results + results]
        var values: [String] = []
        for kind in TemplateCatalog.reviewKinds {
            for result in results { values.append(render(report.review(kind: kind, result: result) ?? .missing)) }
        }
        grid.append(values)
        return grid
    }

    func render(_ value: CellValue) -> String {
        switch value {
        case .number(let number): return NumberFormatting.plain(number)
        case .blank, .missing: return ""
        case .text(let text): return text
        }
    }

    // MARK: Layouts

    func table(_ grid: [[String]]) -> [String] {
        guard !grid.isEmpty else { return [] }
        switch layout {
        case .word:
            return grid.flatMap { row in row.map { "\t" + $0 } + [""] }
        case .pipe:
            return grid.map { $0.joined(separator: " | ") }
        case .markdown:
            let width = grid.map(\.count).max() ?? 1
            func line(_ row: [String]) -> String {
                "| " + (row + Array(repeating: "", count: width - row.count)).joined(separator: " | ") + " |"
            }
            return [line(grid[0]), "|" + Array(repeating: " --- |", count: width).joined()] + grid.dropFirst().map(line)
        case .cellPerLine:
            return grid.flatMap { row in row.flatMap { [$0, "|"] } }
        case .runTogether:
            return grid.map { $0.joined() }
        }
    }
}
