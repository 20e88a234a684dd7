import Testing
@testable import GongkaiKit

/// Each text layout on a small hand-written table, and the cells that are not numbers.
struct LayoutTests {
    static let header2021 = "二、主动公开政府信息情况\n"

    func article20(_ text: String) -> Report { ReportReader().read(text: Self.header2021 + text, file: "t.txt") }

    @Test func wordExportWithWrappedLabels() {
        let text = "\t第二十条第（一）项\n\n\t信息内容\n\t本年制发\n件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t　1\n\t\u{2002}2\n\t3 \n\n\t\n\t行政规范性\n\n文件\n\t4\n\t5\n\t6\n\n"
        let report = article20(text)
        #expect(report.template == .y2021)
        #expect(report.article20(content: "规章", measure: "现行有效件数") == .number(3))
        #expect(report.article20(content: "行政规范性文件", measure: "本年制发件数") == .number(4))
        #expect(report.article20(content: "行政规范性文件", measure: "现行有效件数") == .number(6))
    }

    @Test func pipeRowsWithBorderPipesAndPadding() {
        let text = "| 第二十条第(一)项 | |||\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | \n| 规章 | 2 | 0 | 2 | \n|---|---|---|---|\n| 行政规范性文件 | 2 | 0 | 2 | \n"
        let report = article20(text)
        #expect(report.article20(content: "规章", measure: "本年制发件数") == .number(2))
        #expect(report.article20(content: "行政规范性文件", measure: "现行有效件数") == .number(2))
    }

    @Test func oneCellPerLineBetweenPipeLines() {
        let text = "第二十条第(一)项\n|\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n规章\n|\n0\n|\n0\n|\n6\n|\n"
        #expect(article20(text).article20(content: "规章", measure: "现行有效件数") == .number(6))
    }

    @Test func oneCellPerLineWithTrailingPipes() {
        let text = "第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n行政许可 |\n7 |\n||\n"
        #expect(article20(text).article20(content: "行政许可", measure: "本年处理决定数量") == .number(7))
    }

    @Test func oneCellPerLineWithBlankLinesAndSpaces() {
        let text = "第二十条第(一)项\n\n信息内容\n\n本年新\n\n制作数量\n\n本年新\n\n公开数量\n\n对外公开总数量\n\n规章\n\n  0\n\n 0\n\n 0\n\n规范性文件\n\n 5\n\n5\n\n 5\n"
        let report = article20(text)
        #expect(report.template == .y2019)
        #expect(report.article20(content: "规范性文件", measure: "对外公开总数量") == .number(5))
    }

    @Test func runTogetherCells() {
        let text = "第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n行政规范性文件013\n第二十条第(五)项\n信息内容本年处理决定数量\n行政许可12\n"
        let report = article20(text)
        #expect(report.article20(content: "行政规范性文件", measure: "现行有效件数") == .number(3))
        #expect(report.article20(content: "行政许可", measure: "本年处理决定数量") == .number(12))
    }

    @Test func spaceSeparatedRowsOnOneLine() {
        let text = "第二十条第(一)项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 4\n行政规范性文件 0 0 0\n"
        #expect(article20(text).article20(content: "规章", measure: "现行有效件数") == .number(4))
    }

    @Test func cellsThatAreNotNumbersAreKeptAndWarned() {
        let text = "| 第二十条第(一)项 |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | / | — | 无 |\n| 行政规范性文件 | | 1 | 2 |\n"
        let report = article20(text)
        #expect(report.article20(content: "规章", measure: "本年制发件数") == .text("/"))
        #expect(report.article20(content: "规章", measure: "现行有效件数") == .text("无"))
        #expect(report.article20(content: "行政规范性文件", measure: "本年制发件数") == .blank)
        #expect(report.warnings.contains { $0.code == "not_a_number" && $0.location == "二 / 第二十条第（一）项 / 规章 / 本年制发件数" })
        #expect(report.warnings.contains { $0.code == "empty_cell" && $0.location?.contains("行政规范性文件") == true })
    }

    @Test func unitsInCellsAreRead() {
        let text = "第二十条第(九)项\n信息内容 采购项目数量 采购总金额\n政府集中采购 2 70487元\n第二十条第(一)项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
        #expect(article20(text).article20(content: "政府集中采购", measure: "采购总金额") == .number(70487))
    }

    @Test func markdownHeadingsAndTables() {
        let text = "# 某镇2022年政府信息公开工作年度报告\n## 一、总体情况\n本年度主动公开政府信息12条。\n## 二、主动公开政府信息情况\n| 第二十条第（五）项 | |\n| --- | --- |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 9 |\n"
        let report = ReportReader().read(text: text, file: "t.md")
        #expect(report.narrative.map(\.section) == [1, 2])
        #expect(report.activeTotal?.value == 12)
        #expect(report.article20(content: "行政许可", measure: "本年处理决定数量") == .number(9))
    }

    @Test func missingSectionsAndTablesAreWarnings() {
        let report = ReportReader().read(text: "某乡2018年政务公开工作报告\n全年主动公开信息20条。\n", file: "old.txt")
        #expect(report.warnings.contains { $0.code == "no_sections" })
        #expect(report.warnings.contains { $0.code == "pre_2019" })
        #expect(report.activeTotal?.value == 20)
    }

    @Test func traditionalCharactersAreRead() {
        let text = "無極縣人民政府2019年政府信息公開工作年度報告\n一、總體情況\n全年在縣政府網站主動公開政務信息2526條次。\n"
        let report = ReportReader().read(text: text, file: "t.txt")
        #expect(report.level == .county)
        #expect(report.channels.first?.channel == "政府网站")
        #expect(report.channels.first?.items == 2526)
    }
}

/// Numbers in prose, phrasing by phrasing.
struct ProseTests {
    func scan(_ text: String) -> ProseScanner {
        var scanner = ProseScanner()
        scanner.scan(text)
        return scanner
    }

    /// `1,100` and `1，100` are 1100; the evidence keeps the sentence as written; lists stay lists.
    @Test func thousandsSeparatorsJoinTheNumber() {
        let scanner = scan("全年主动公开政府信息1,100条，其中政府网站发布1，050条。")
        #expect(scanner.activeTotal?.value == 1100)
        #expect(scanner.activeTotal?.evidence.contains("1,100条") == true)
        #expect(scanner.channels.first?.items == 1050)
        #expect(scan("全年主动公开政府信息12,345,678条。").activeTotal?.value == 12_345_678)
        #expect(ProseScanner.joiningThousands("分别为1,2,3条") == "分别为1,2,3条")
        #expect(ProseScanner.joiningThousands("12，34条") == "12，34条")
        #expect(ProseScanner.joiningThousands("1234,567条") == "1234,567条")
        #expect(ProseScanner.joiningThousands("0.5,100条") == "0.5,100条")
    }

    @Test func approximateFiguresAreKeptAsApproximate() {
        let scanner = scan("全年累计主动公开政府信息100余条，微信公众号发布70余条。")
        #expect(scanner.activeTotal?.value == 100)
        #expect(scanner.activeTotal?.approximate == true)
        #expect(scanner.channels.first?.approximate == true)
    }

    @Test func topicBreakdownsAreNotChannels() {
        let scanner = scan("在政府门户网站发布信息53条，其中新闻动态29条，政策文件2条。")
        #expect(scanner.channels.map(\.items) == [53])
        #expect(scanner.activeTotal == nil)
    }

    /// Several channels counted together: the total when the phrase says 主动公开/政府信息/各类/共,
    /// else one merged channel (the labels of ../shared/corpus*/ read them so).
    @Test func severalChannelsTogether() {
        let merged = scan("通过政府网站、政务新媒体等平台发布的信息数量304条。")
        #expect(merged.activeTotal == nil)
        #expect(merged.channels.map(\.channel) == ["政府网站、政务新媒体"])
        let total = scan("通过门户网站、公示栏等方式主动公开政府信息40条。")
        #expect(total.activeTotal?.value == 40)
        #expect(total.channels.isEmpty)
    }

    @Test(arguments: [
        ("共接到3次群众主动要求公开政府信息的申请", 3.0),
        ("全年共收到政府信息公开申请16件", 16),
        ("我镇收到0件信息公开申请", 0),
        ("未收到政府信息公开申请", 0),
        ("小板镇本年度未收到政府信息公开的申请", 0),
        ("2021年我镇未收到依申请公开事项", 0),
    ])
    func requestsReceived(sentence: String, value: Double) {
        #expect(scan(sentence).requestsReceived?.value == value)
    }

    @Test func vagueRequestSentencesAreNotCounted() {
        #expect(scan("未收到公众申请要求公开的其它方面政府信息").requestsReceived == nil)
        #expect(scan("全年累计办理依申请公开答复52件").requestsReceived == nil)
    }
}
