/// The report's tables as the national template draws them, merged cells and all — for the page and
/// Word writers, whose readers must put merged cells back in their columns. (The text layouts write
/// flat rows: text has no merged cells.)
public struct SpannedCell: Sendable, Equatable {
    public var text: String
    public var columns = 1
    public var rows = 1
    public init(_ text: String, columns: Int = 1, rows: Int = 1) {
        self.text = text
        self.columns = columns
        self.rows = rows
    }
}

public typealias SpannedTable = [[SpannedCell]]

extension ReportWriter {
    /// Section 二's tables, one per item: the item's name across the table, then the column heads.
    func spannedArticle20(_ report: Report) -> [SpannedTable] {
        guard let template = report.template else { return [] }
        var tables: [SpannedTable] = []
        for item in TemplateCatalog.article20Items(template) {
            let cells = report.article20.filter { $0.item == item.item }
            guard !cells.isEmpty else { continue }
            var table: SpannedTable = [[SpannedCell(item.item, columns: item.measures.count + 1)],
                                       [SpannedCell("信息内容")] + item.measures.map { SpannedCell($0) }]
            var contents: [String] = []
            for cell in cells where !contents.contains(cell.content) { contents.append(cell.content) }
            for content in contents {
                table.append([SpannedCell(content)] + item.measures.map { measure in
                    SpannedCell(render(cells.first { $0.content == content && $0.measure == measure }?.value ?? .missing))
                })
            }
            tables.append(table)
        }
        return tables
    }

    /// Section 三: three label columns (stage, outcome, reason) and seven applicant columns.
    func spannedRequests(_ report: Report) -> SpannedTable {
        guard !report.requests.isEmpty else { return [] }
        let template: Template = report.requests.contains { $0.reason == "其他" } ? .y2021 : .y2019
        var table: SpannedTable = [
            [SpannedCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", columns: 3, rows: 3), SpannedCell("申请人情况", columns: 7)],
            [SpannedCell("自然人", rows: 2), SpannedCell("法人或其他组织", columns: 5), SpannedCell("总计", rows: 2)],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { SpannedCell($0) },
        ]
        var cells: [String: CellValue] = [:]
        for cell in report.requests {
            cells["\(cell.stage.rawValue)|\(cell.outcome ?? "")|\(cell.reason ?? "")|\(cell.applicant)"] = cell.value
        }
        let rows = TemplateCatalog.requestRows(template)
        let handledCount = rows.filter { $0.stage == .handled }.count
        var seenHandled = false
        var lastOutcome: String?
        var numberInOutcome = 0
        for row in rows {
            let values = TemplateCatalog.applicants.map { applicant in
                SpannedCell(render(cells["\(row.stage.rawValue)|\(row.outcome ?? "")|\(row.reason ?? "")|\(applicant)"] ?? .missing))
            }
            var labels: [SpannedCell] = []
            if row.stage != .handled {
                labels = [SpannedCell(Self.stageLabels[row.stage] ?? row.stage.rawValue, columns: 3)]
            } else {
                if !seenHandled {
                    labels.append(SpannedCell("三、本年度办理结果", rows: handledCount))
                    seenHandled = true
                }
                let outcome = row.outcome ?? ""
                let outcomeLabel = Self.outcomeLabels[outcome] ?? outcome
                if let reason = row.reason {
                    if outcome != lastOutcome {
                        numberInOutcome = 0
                        let reasons = rows.filter { $0.outcome == outcome && $0.reason != nil }.count
                        labels.append(SpannedCell(outcomeLabel, rows: reasons))
                    }
                    numberInOutcome += 1
                    labels.append(SpannedCell("\(numberInOutcome).\(reason)"))
                } else {
                    labels.append(SpannedCell(outcomeLabel, columns: 2))
                }
                lastOutcome = outcome
            }
            table.append(labels + values)
        }
        return table
    }

    /// Section 四: 行政复议 over five columns, 行政诉讼 over ten split in two.
    func spannedReviews(_ report: Report) -> SpannedTable {
        guard !report.reviews.isEmpty else { return [] }
        let results = TemplateCatalog.reviewResults
        var values: [SpannedCell] = []
        for kind in TemplateCatalog.reviewKinds {
            for result in results { values.append(SpannedCell(render(report.review(kind: kind, result: result) ?? .missing))) }
        }
        return [
            [SpannedCell("行政复议", columns: 5), SpannedCell("行政诉讼", columns: 10)],
            results.map { SpannedCell($0, rows: 2) } + [SpannedCell("未经复议直接起诉", columns: 5), SpannedCell("复议后起诉", columns: 5)],
            (results + results).map { SpannedCell($0) },
            values,
        ]
    }

    /// The report as blocks in order — title, headings, prose paragraphs, tables — for writers of
    /// structured forms.
    public enum StructuredBlock {
        case title(String)
        case heading(String)
        case paragraph(String)
        case table(SpannedTable)
    }

    public func structuredBlocks(_ report: Report) -> [StructuredBlock] {
        var blocks: [StructuredBlock] = []
        if let title = report.title { blocks.append(.title(title)) }
        for number in 1...6 {
            guard let section = report.narrative.first(where: { $0.section == number }) else { continue }
            blocks.append(.heading(section.heading))
            // A report read from a file keeps its tables in the section's text (`a | b | c` lines, item
            // headings); the tables are written from their values below, so in sections 二–四 only
            // the prose (sentences) of the text is written.
            for line in section.body.split(separator: "\n") where !line.isEmpty {
                if (2...4).contains(number), line.contains(" | ") || !(line.last.map { "。；：".contains($0) } ?? false) { continue }
                blocks.append(.paragraph(String(line)))
            }
            switch number {
            case 2: blocks += spannedArticle20(report).map { .table($0) }
            case 3: if case let table = spannedRequests(report), !table.isEmpty { blocks.append(.table(table)) }
            case 4: if case let table = spannedReviews(report), !table.isEmpty { blocks.append(.table(table)) }
            default: break
            }
        }
        return blocks
    }
}
