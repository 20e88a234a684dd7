import Testing
@testable import GongkaiKit

/// The seed (威海市环翠区羊亭镇, 2021, 2019 template) gives exactly the values written in it.
@Suite(.enabled(if: SharedFiles.available, "needs ../shared/seed"))
struct SeedReportTests {
    let report: Report

    init() throws {
        report = try ReportReader().read(file: try #require(SharedFiles.seedPath))
    }

    @Test func metadata() {
        #expect(report.title == "威海市环翠区羊亭镇2021年政府信息公开工作年度报告")
        #expect(report.city == "威海市")
        #expect(report.county == "环翠区")
        #expect(report.township == "羊亭镇")
        #expect(report.level == .township)
        #expect(report.year == 2021)
        #expect(report.template == .y2019)
        #expect(report.narrative.map(\.section) == [1, 2, 3, 4, 5, 6])
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func activeChannelsAndTotal() {
        #expect(report.activeTotal?.value == 910)
        #expect(report.activeTotal?.approximate == false)
        let channels = report.channels.map { "\($0.channel)|\($0.account ?? "")|\(NumberFormatting.plain($0.items))" }
        #expect(channels == ["政府网站||92", "微信公众号|羊亭在线|566", "微博|活力羊亭|188", "抖音|大美羊亭|64"])
        #expect(report.channels.allSatisfy { $0.evidence.contains("微信公众号“羊亭在线”公开566条") })
    }

    @Test func requestsInProse() {
        #expect(report.requestsInProse?.value == 3)
        #expect(report.requestsInProse?.evidence.contains("共接到3次") == true)
        #expect(report.proseNumbers.first { $0.kind == ProseNumber.Kind.feesCollected }?.value == 0)
    }

    @Test func article20EveryCellIsZero() {
        let expected: [(String, [String])] = [
            ("规章", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
            ("规范性文件", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
            ("行政许可", ["上一年项目数量", "本年增/减", "处理决定数量"]),
            ("其他对外管理服务事项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
            ("行政处罚", ["上一年项目数量", "本年增/减", "处理决定数量"]),
            ("行政强制", ["上一年项目数量", "本年增/减", "处理决定数量"]),
            ("行政事业性收费", ["上一年项目数量", "本年增/减"]),
            ("政府集中采购", ["采购项目数量", "采购总金额"]),
        ]
        #expect(report.article20.count == expected.reduce(0) { $0 + $1.1.count })
        for (content, measures) in expected {
            for measure in measures {
                #expect(report.article20(content: content, measure: measure) == .number(0), "\(content)/\(measure)")
            }
        }
        #expect(report.article20.first?.item == "第二十条第（一）项")
    }

    @Test func requestTableHasEveryRowOfThe2019Template() {
        let rows = TemplateCatalog.requestRows(.y2019)
        #expect(report.requests.count == rows.count * 7)
        #expect(report.requests.allSatisfy { $0.value == .number(0) })
        #expect(report.request(stage: .handled, outcome: "其他处理", applicant: "总计") == .number(0))
        #expect(report.request(stage: .handled, outcome: "不予公开", reason: "属于国家秘密", applicant: "自然人") == .number(0))
    }

    @Test func reviewTableHasFifteenZeros() {
        #expect(report.reviews.count == 15)
        #expect(report.reviews.allSatisfy { $0.value == .number(0) })
        #expect(report.review(kind: "复议后起诉", result: "总计") == .number(0))
    }
}
