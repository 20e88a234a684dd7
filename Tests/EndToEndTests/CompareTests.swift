import Foundation
import Testing

/// `compare` / `对比`, `search` / `搜索` and the `text_reuse` / `重复率` metric on the bundled samples, through
/// the binary.
struct CompareTests {
    static func run(_ statement: String, format: String = "table") throws -> BinaryRunner.Result {
        try BinaryRunner.run(["samples", "--format", format, "-c", statement])
    }

    /// A body's two years: the numbers that differ with the change, the reuse per section, the findings.
    @Test func aBodysTwoYears() throws {
        let result = try Self.run("compare 云岗镇 2021 with 2022")
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("-- cells\n"))
        #expect(out.contains("一 / 主动公开"))
        #expect(out.range(of: #"一 / 主动公开 +总数 +293 +157 +-136 +-46\.4"#, options: .regularExpression) != nil)
        #expect(out.range(of: #"全文 +185 +173 +93\.5%"#, options: .regularExpression) != nil)
        #expect(out.contains("text_reuse  warning"))
        #expect(out.contains("60 number(s) differ; 93.5% of 2022's sections 一/五/六 repeats 2021"))
        // `all`: the cells that did not change too.
        let all = try Self.run("compare 云岗镇 2021 with 2022 all")
        #expect(all.stdout.split(separator: "\n").count > out.split(separator: "\n").count)
    }

    /// In Chinese: the headers, the titles and the line about them.
    @Test func inChinese() throws {
        let out = try Self.run("对比 云岗镇 2021 2022").stdout
        #expect(out.contains("-- 数字\n位置"))
        #expect(out.contains("-- 重复率\n部分"))
        #expect(out.contains("-- 问题\n报告"))
        #expect(out.contains("60 个数字不同"))
        #expect(out.contains("正文雷同  警告  一/五/六 vs 2021  一/五/六部分（185 字）有 93.5% 与 2021 年报告"))
    }

    /// Two bodies of one year; JSON gives one object with the three results.
    @Test func twoBodiesOfOneYearAsJSON() throws {
        let result = try Self.run("compare 柳岸街道 with 青石街道 where year = 2022", format: "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["cells", "text reuse", "findings", "text"])
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.first?["示范市东湖区柳岸街道"] as? Int == 1767)
        #expect(cells.first?["示范市东湖区青石街道"] as? Int == 579)
    }

    /// A side that names no report, or several, is an error that says which there are.
    @Test func anAmbiguousOrMissingSideIsAnError() throws {
        let none = try Self.run("compare 柳岸街道 2022 with 2030")
        #expect(none.status == 1)
        #expect(none.stderr.contains("no report of “柳岸街道” for 2030"))
        #expect(none.stderr.contains("has reports of 2021, 2022, 2023"))
        let several = try Self.run("compare 东湖区 2022 with 2023")
        #expect(several.stderr.contains("“东湖区” 2022 is 2 reports; name one"))
        #expect(several.stderr.contains("示范市东湖区青石街道 2022"))
        let noYear = try Self.run("compare 柳岸街道 with 青石街道")
        #expect(noYear.stderr.contains("each side of a compare needs a body and a year"))
    }

    /// On the report page the two texts stand side by side, the passages they share shaded: the changed
    /// channel counts of 2023 are not shaded, the boilerplate is.
    @Test func theReportPageShadesWhatWasCopied() throws {
        let html = try Self.run("compare 柳岸街道 2022 with 2023", format: "html").stdout
        #expect(html.contains("<table class=\"texts\">"))
        #expect(html.contains("<mark>信息发布的及时性仍需提高，下一步将加强培训</mark>"))
        #expect(html.contains("政务网站公开168条"))
        #expect(!html.contains("<mark>政务网站公开168条"))
        // Not in the terminal's table: the texts are long.
        #expect(!(try Self.run("compare 柳岸街道 2022 with 2023").stdout.contains("-- text\n")))
    }

    @Test func searchFindsTheSentences() throws {
        let result = try Self.run("搜索 信息处理费 条件 年份 = 2023")
        #expect(result.stdout.hasPrefix("机关"))
        #expect(result.stdout.contains("示范市东湖区柳岸街道  2023  六    本年度收取政府信息公开信息处理费20000元"))
        #expect(result.stdout.contains("(6 rows)"))
        let nothing = try Self.run("search 不存在的说法").stdout
        #expect(nothing.contains("(0 rows)"))
    }

    /// 重复率 is a metric like any other; the pairs are measured on first use after a load.
    @Test func reuseIsAMetric() throws {
        let out = try Self.run("重复率 按 乡镇 条件 年份 = 2022 排序 重复率 降序").stdout
        #expect(out.range(of: #"白沙镇 +96\.2%"#, options: .regularExpression) != nil)
        #expect(out.range(of: #"云岗镇 +93\.5%"#, options: .regularExpression) != nil)
        // The first year of a body has no year before it: no rate.
        let first = try Self.run("text_reuse by township where year = 2021").stdout
        #expect(!first.contains("%"))
    }
}
