import Foundation
import Testing

/// Forty-odd questions a county analyst asks, in both languages, over the bundled samples (`gongkai samples
/// -c STATEMENT`), with the answers as printed. The answers were checked against the sample files: e.g.
/// 柳岸街道 2023 主动公开 1359 is its report's `累计主动公开政府信息合计1359条`; 桃源镇's 18 requests are its three
/// reports' 本年新收 总计 8 + 4 + 6; the 合计 of requests by applicant and year (45, 19, 28) add up to the
/// county total 92; the reports on the 2019 template after 2021 are the seed and the two 西山县 samples of
/// 2021 (samples/README.md). docs/query-language.md is written around these questions.
struct AnalystQuestionTests {
    struct Question: CustomStringConvertible, Sendable {
        var question: String
        var statement: String
        var answer: String
        init(_ question: String, _ statement: String, _ answer: String) {
            self.question = question
            self.statement = statement
            self.answer = answer
        }
        var description: String { question + " — " + statement }
    }

    static let questions: [Question] = [
        Question("每个区县收到多少申请？", "申请 按 区县", """
            区县    申请
            ──────  ────
            东湖区    29
            北岭县    34
            环翠区     0
            西山县    29
            (4 rows)
            """),
        Question("Requests received per county, with a total row", "requests by county with total", """
            county  requests
            ──────  ────────
            东湖区        29
            北岭县        34
            环翠区         0
            西山县        29
            total         92
            (5 rows)
            """),
        Question("各乡镇主动公开了多少条（2023年）？", "主动公开 按 乡镇 条件 年份 = 2023年", """
            乡镇      主动公开
            ────────  ────────
            云岗镇         328
            松林乡         218
            柳岸街道      1359
            桃源镇        1441
            白沙镇         829
            青石街道       622
            (6 rows)
            """),
        Question("主动公开 by channel over all reports", "active by channel", """
            channel     active
            ──────────  ──────
            政府网站      1368
            微信公众号    2933
            微博          3393
            抖音           894
            今日头条      1421
            公示栏        3203
            (6 rows)
            """),
        Question("哪些乡镇的主动公开从2022年到2023年下降了？", "主动公开 按 乡镇 透视 年份 条件 年份 介于 2022 并且 2023 排序 \"Δ2022→2023\"", """
            乡镇      2022  2023  Δ2022→2023  %2022→2023
            ────────  ────  ────  ──────────  ──────────
            柳岸街道  1767  1359        -408       -23.1
            松林乡     528   218        -310       -58.7
            青石街道   579   622          43         7.4
            云岗镇     157   328         171       108.9
            白沙镇     272   829         557       204.8
            桃源镇     590  1441         851       144.2
            (6 rows)
            """),
        Question("予以公开 share by county (公开率)", "granted / requests as 公开率 by county", """
            county  公开率
            ──────  ──────
            东湖区   86.2%
            北岭县   55.9%
            环翠区
            西山县   65.5%
            (4 rows)
            """),
        Question("各区县予以公开占全部予以公开的比例", "占比(予以公开) 按 区县", """
            区县    占比(予以公开)
            ──────  ──────────────
            东湖区           39.7%
            北岭县           30.2%
            环翠区            0.0%
            西山县           30.2%
            (4 rows)
            """),
        Question("行政复议纠正率, bodies with reviews only", "reviews_corrected / reviews as 纠正率, reviews by agency where reviews > 0", """
            agency                纠正率  reviews
            ────────────────────  ──────  ───────
            示范市东湖区柳岸街道    0.0%        3
            示范市东湖区青石街道   20.0%        5
            示范市北岭县云岗镇      0.0%        4
            示范市北岭县白沙镇    100.0%        2
            示范市西山县松林乡      0.0%        2
            示范市西山县桃源镇      0.0%        1
            (6 rows)
            """),
        Question("申请数前 3 的乡镇（并列保留）", "申请 按 乡镇 前 3", """
            乡镇      申请
            ────────  ────
            桃源镇      18
            白沙镇      18
            云岗镇      16
            柳岸街道    16
            (4 rows)
            """),
        Question("Top 3 townships by requests, with their rank", "requests by township with rank top 3", """
            rank  township  requests
            ────  ────────  ────────
               1  桃源镇          18
               1  白沙镇          18
               3  云岗镇          16
               3  柳岸街道        16
            (4 rows)
            """),
        Question("每年平均每份报告收到的申请", "平均(申请) 按 年份", """
            年份  平均(申请)
            ────  ──────────
            2021      6.4286
            2022      3.1667
            2023      4.6667
            (3 rows)
            """),
        Question("Average requests per report by township", "avg(requests) as per_report by township order by per_report desc", """
            township  per_report
            ────────  ──────────
            桃源镇             6
            白沙镇             6
            云岗镇        5.3333
            柳岸街道      5.3333
            青石街道      4.3333
            松林乡        3.6667
            羊亭镇             0
            (7 rows)
            """),
        Question("有审计错误的报告", "问题数 按 机关 条件 级别 = 错误", """
            机关                  问题数
            ────────────────────  ──────
            威海市环翠区羊亭镇         1
            示范市东湖区柳岸街道       2
            示范市东湖区青石街道       1
            示范市北岭县云岗镇         1
            示范市西山县松林乡         1
            示范市西山县桃源镇         2
            (6 rows)
            """),
        Question("Findings by rule", "findings by rule order by findings desc", """
            rule                findings
            ──────────────────  ────────
            template_outdated          3
            text_reuse                 3
            prose_requests             2
            request_balance            2
            cells                      1
            channel_sum                1
            outcome_total              1
            parse:not_a_number         1
            review_total               1
            row_total                  1
            (10 rows)
            """),
        Question("不予公开的理由分布", "不予公开 按 理由", """
            理由                      不予公开
            ────────────────────────  ────────
            属于国家秘密                     2
            其他法律行政法规禁止公开         5
            危及“三安全一稳定”               1
            保护第三方合法权益               0
            属于三类内部事务信息             2
            属于四类过程性信息               2
            属于行政执法案卷                 2
            属于行政查询事项                 1
            (8 rows)
            """),
        Question("Requests not processed, by reason, with a total", "not_processed by reason with total", """
            reason                                not_processed
            ────────────────────────────────────  ─────────────
            信访举报投诉类申请                                2
            重复申请                                          1
            要求提供公开出版物                                0
            无正当理由大量反复申请                            2
            要求行政机关确认或重新出具已获取信息              1
            total                                             6
            (6 rows)
            """),
        Question("各类申请人提出的申请，各年并列，带合计行", "申请 按 申请人 透视 年份 合计", """
            申请人        2021  2022  2023  Δ2021→2022  %2021→2022  Δ2022→2023  %2022→2023
            ────────────  ────  ────  ────  ──────────  ──────────  ──────────  ──────────
            自然人          26     5    14         -21       -80.8           9         180
            商业企业         5     4     4          -1         -20           0           0
            科研机构         5     3     2          -2         -40          -1       -33.3
            社会公益组织     2     2     2           0           0           0           0
            法律服务机构     2     3     4           1          50           1        33.3
            其他             5     2     2          -3         -60           0           0
            合计            45    19    28         -26       -57.8           9        47.4
            (7 rows)
            """),
        Question("Requests by applicant and year without change columns", "requests by applicant pivot year without changes", """
            applicant     2021  2022  2023
            ────────────  ────  ────  ────
            自然人          26     5    14
            商业企业         5     4     4
            科研机构         5     3     2
            社会公益组织     2     2     2
            法律服务机构     2     3     4
            其他             5     2     2
            (6 rows)
            """),
        Question("每个层级各有几份报告？", "报告数 按 层级", """
            层级  报告数
            ────  ──────
            乡镇      13
            街道       6
            (2 rows)
            """),
        Question("Reports by level and year", "reports by level, year", """
            level     year  reports
            ────────  ────  ───────
            township  2021        5
            township  2022        4
            township  2023        4
            street    2021        2
            street    2022        2
            street    2023        2
            (6 rows)
            """),
        Question("Requests by county and township with subtotals", "requests by county, township with subtotals", """
            county  township  requests
            ──────  ────────  ────────
            东湖区  柳岸街道        16
            东湖区  青石街道        13
            东湖区  subtotal        29
            北岭县  云岗镇          16
            北岭县  白沙镇          18
            北岭县  subtotal        34
            环翠区  羊亭镇           0
            环翠区  subtotal         0
            西山县  松林乡          11
            西山县  桃源镇          18
            西山县  subtotal        29
            total                   92
            (12 rows)
            """),
        Question("办理结果各类的件数", "办理总计 按 办理结果", """
            办理结果  办理总计
            ────────  ────────
            予以公开        63
            部分公开         5
            不予公开        15
            无法提供         7
            不予处理         6
            其他处理         6
            (6 rows)
            """),
        Question("Handled requests by outcome for 2022", "handled by outcome where year = 2022", """
            outcome   handled
            ────────  ───────
            予以公开       10
            部分公开        1
            不予公开        4
            无法提供        2
            不予处理        1
            其他处理        4
            (6 rows)
            """),
        Question("各区县的行政复议和行政诉讼", "行政复议, 行政诉讼 按 区县", """
            区县    行政复议  行政诉讼
            ──────  ────────  ────────
            东湖区         8        15
            北岭县         6        12
            环翠区         0         0
            西山县         3        13
            (4 rows)
            """),
        Question("Lawsuits corrected per county", "lawsuits_corrected by county where lawsuits_corrected > 0", """
            county  lawsuits_corrected
            ──────  ──────────────────
            东湖区                   5
            北岭县                   3
            西山县                   2
            (3 rows)
            """),
        Question("各渠道主动公开占比", "占比(主动公开) 按 渠道", """
            渠道        占比(主动公开)
            ──────────  ──────────────
            政府网站             10.4%
            微信公众号           22.2%
            微博                 25.7%
            抖音                  6.8%
            今日头条             10.8%
            公示栏               24.2%
            (6 rows)
            """),
        Question("WeChat counts by account", "active by account where channel = 微信", """
            account   active
            ────────  ──────
            示范在线    2367
            羊亭在线     566
            (2 rows)
            """),
        Question("上年结转和结转下年度，按年份", "上年结转, 结转下年度 按 年份", """
            年份  上年结转  结转下年度
            ────  ────────  ──────────
            2021        20          12
            2022        12           8
            2023         8          10
            (3 rows)
            """),
        Question("Which reports state no county?", "reports where county is null", """
            reports
            ───────
                  0
            (1 row)
            """),
        Question("2021年至2022年的报告数，按区县", "报告数 按 区县 条件 年份 介于 2021 并且 2022", """
            区县    报告数
            ──────  ──────
            东湖区       4
            北岭县       4
            环翠区       1
            西山县       4
            (4 rows)
            """),
        Question("Reports per template", "reports by template", """
            template  reports
            ────────  ───────
            2019            3
            2021           16
            (2 rows)
            """),
        Question("2021年以后仍用2019年模板的报告", "报告数 按 机关 条件 模板 = 2019 并且 年份 >= 2021", """
            机关                报告数
            ──────────────────  ──────
            威海市环翠区羊亭镇       1
            示范市西山县松林乡       1
            示范市西山县桃源镇       1
            (3 rows)
            """),
        Question("行政许可和行政处罚决定数，按年份", "行政许可, 行政处罚 按 年份", """
            年份  行政许可  行政处罚
            ────  ────────  ────────
            2021        90       127
            2022       186       266
            2023       217       193
            (3 rows)
            """),
        Question("Normative documents in force by county (2021 template)", "documents_in_force by county where template = 2021", """
            county  documents_in_force
            ──────  ──────────────────
            东湖区                  25
            北岭县                  49
            西山县                  21
            (3 rows)
            """),
        Question("收费金额合计（万元）", "收费金额 按 年份 合计", """
            年份  收费金额
            ────  ────────
            2021         0
            2022         1
            2023       5.2
            合计       6.2
            (4 rows)
            """),
        Question("叙述中的申请数与表格不一致的报告", "问题数 按 机关 条件 规则 = prose_requests", """
            机关                问题数
            ──────────────────  ──────
            威海市环翠区羊亭镇       1
            示范市西山县松林乡       1
            (2 rows)
            """),
        Question("Townships whose requests exceed 15", "requests by township where requests > 15 order by requests desc", """
            township  requests
            ────────  ────────
            桃源镇          18
            白沙镇          18
            云岗镇          16
            柳岸街道        16
            (4 rows)
            """),
        Question("主动公开与申请之比，按区县", "主动公开 / 申请 as 比值 按 区县", """
            区县        比值
            ──────  ────────
            东湖区       185
            北岭县   85.3529
            环翠区
            西山县  139.4138
            (4 rows)
            """),
        Question("Carried over and carried forward by applicant in 2023", "carried_over, carried_forward by applicant where year = 2023", """
            applicant     carried_over  carried_forward
            ────────────  ────────────  ───────────────
            自然人                   3                3
            商业企业                 2                1
            科研机构                 1                1
            社会公益组织             0                0
            法律服务机构             2                3
            其他                     0                2
            (6 rows)
            """),
        Question("街道的申请数，按年份", "申请 按 年份 条件 层级 = 街道", """
            年份  申请
            ────  ────
            2021    16
            2022     6
            2023     7
            (3 rows)
            """),
        Question("Share of each applicant type per year", "share(requests) by applicant pivot year without changes", """
            applicant      2021   2022   2023
            ────────────  ─────  ─────  ─────
            自然人        57.8%  26.3%  50.0%
            商业企业      11.1%  21.1%  14.3%
            科研机构      11.1%  15.8%   7.1%
            社会公益组织   4.4%  10.5%   7.1%
            法律服务机构   4.4%  15.8%  14.3%
            其他          11.1%  10.5%   7.1%
            (6 rows)
            """),
        Question("问题数按级别", "问题数 按 级别", """
            级别  问题数
            ────  ──────
            错误       8
            警告       8
            (2 rows)
            """),
    ]

    @Test func thereAreAtLeastFortyInBothLanguages() {
        #expect(Self.questions.count >= 40)
        #expect(Self.questions.filter { $0.statement.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF && "按条件透视排序合计占比平均前".unicodeScalars.contains($0) } }.count >= 15)
    }

    @Test(arguments: questions)
    func answered(_ question: Question) throws {
        let result = try BinaryRunner.run(["samples", "-c", question.statement])
        #expect(result.status == 0, "\(question): \(result.stderr)")
        #expect(DocExampleTests.trimmed(result.stdout) == DocExampleTests.trimmed(question.answer), "\(question)")
    }
}
