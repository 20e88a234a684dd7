import Testing
@testable import GongkaiKit

/// Each rule on a report that passes it and one built to fail it, with the exact finding.
struct AuditTests {
    static let body = ReportGenerator.fictionalBodies[2]

    /// A consistent report (or a series of them, one per year, carried on).
    static func series(years: [Int], template: Template = .y2021, seed: UInt64 = 11) -> [Report] {
        var generator = ReportGenerator(seed: seed)
        var carry: ReportGenerator.Carry?
        return years.map { year in
            let report = generator.report(body: body, year: year, template: template, carry: carry)
            carry = ReportGenerator.carry(from: report)
            return report
        }
    }

    struct Finding: Equatable, CustomStringConvertible {
        var rule, severity, location, expected, actual, message: String
        var description: String { "\(rule) \(severity) [\(location)] expected \(expected) actual \(actual): \(message)" }
    }

    /// Loads the reports and runs the rules; the findings of the last report (or of all with `all`).
    static func findings(_ reports: [Report], rules: [String]? = nil) throws -> [Finding] {
        let session = try Session.open(path: nil)
        let loader = try Loader(database: session.database)
        for (index, report) in reports.enumerated() { try loader.insert(report, hash: "h\(index)") }
        let selected = rules.map { $0.compactMap(AuditRules.rule) } ?? AuditRules.all
        let (result, _) = try Auditor(database: session.database).run(rules: selected)
        return result.rows.map { row in
            Finding(rule: row[2].description, severity: row[3].description, location: row[4].description,
                    expected: row[5].description, actual: row[6].description, message: row[7].description)
        }
    }

    static func set(_ report: inout Report, stage: RequestStage, outcome: String? = nil, reason: String? = nil, applicant: String, _ value: Double) {
        guard let index = report.requests.firstIndex(where: {
            $0.stage == stage && $0.outcome == outcome && $0.reason == reason && $0.applicant == applicant
        }) else { return }
        report.requests[index].value = .number(value)
    }

    @Test func consistentReportsHaveNoFinding() throws {
        #expect(try Self.findings(Self.series(years: [2021, 2022, 2023])) == [])
        #expect(try Self.findings(Self.series(years: [2019, 2020], template: .y2019, seed: 5)) == [])
    }

    @Test func requestBalance() throws {
        var report = Self.series(years: [2022])[0]
        let received = report.request(stage: .received, applicant: "自然人")?.number ?? 0
        let total = report.request(stage: .received, applicant: "总计")?.number ?? 0
        Self.set(&report, stage: .received, applicant: "自然人", received + 2)
        Self.set(&report, stage: .received, applicant: "总计", total + 2)
        let findings = try Self.findings([report], rules: ["request_balance"])
        #expect(findings.map(\.location) == ["三 / 总计", "三 / 自然人"])
        let natural = try #require(findings.last)
        #expect(natural.expected == NumberFormatting.plain(received + (report.request(stage: .carriedOver, applicant: "自然人")?.number ?? 0)))
        #expect(natural.actual == NumberFormatting.plain(received + 2 + (report.request(stage: .carriedOver, applicant: "自然人")?.number ?? 0)))
        #expect(natural.message.hasPrefix("本年新收 \(NumberFormatting.plain(received + 2)) + 上年结转 "))
    }

    @Test func rowTotal() throws {
        var report = Self.series(years: [2022])[0]
        Self.set(&report, stage: .handled, outcome: "不予处理", reason: "重复申请", applicant: "总计", 5)
        let findings = try Self.findings([report], rules: ["row_total"])
        #expect(findings == [Finding(rule: "row_total", severity: "error", location: "三 / 重复申请 / 总计", expected: "0", actual: "5",
                                     message: "总计 5 ≠ 自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0")])
    }

    @Test func outcomeTotal() throws {
        var report = Self.series(years: [2022])[0]
        Self.set(&report, stage: .handled, outcome: "不予公开", reason: "属于国家秘密", applicant: "科研机构", 1)
        Self.set(&report, stage: .handled, outcome: "不予公开", reason: "属于国家秘密", applicant: "总计", 1)
        let findings = try Self.findings([report], rules: ["outcome_total"])
        #expect(findings.map(\.location) == ["三 / （七）总计 / 总计", "三 / （七）总计 / 科研机构"])
        #expect(findings.allSatisfy { Double($0.expected) == Double($0.actual).map { $0 + 1 } })
    }

    @Test func reviewTotal() throws {
        var report = Self.series(years: [2022])[0]
        report.reviews = report.reviews.map { cell in
            var cell = cell
            if cell.kind == "复议后起诉" { cell.value = .number(cell.result == "总计" ? 4 : cell.result == "结果纠正" ? 1 : 0) }
            return cell
        }
        let findings = try Self.findings([report], rules: ["review_total"])
        #expect(findings == [Finding(rule: "review_total", severity: "error", location: "四 / 复议后起诉 / 总计", expected: "1", actual: "4",
                                     message: "总计 4 ≠ 结果维持 0 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 1")])
    }

    @Test(.enabled(if: SharedFiles.available, "needs ../shared/seed"))
    func theSeedSaysThreeRequestsInProseAndZeroInTheTable() throws {
        let seed = try ReportReader().read(file: try #require(SharedFiles.seedPath))
        let findings = try Self.findings([seed])
        // The seed (data year 2021) is also on the 2019 template: 过期格式, a warning.
        #expect(findings.map(\.rule) == ["prose_requests", "template_outdated"])
        let finding = try #require(findings.first)
        #expect(finding.rule == "prose_requests")
        #expect(finding.severity == "error")
        #expect(finding.location == "一 / 依申请公开 vs 三 / 本年新收 / 总计")
        // expected: the other side of the equation (the prose); actual: the cell as printed (the table).
        #expect(finding.expected == "3")
        #expect(finding.actual == "0")
        #expect(finding.message.contains("共接到3次群众主动要求公开政府信息的申请"))
    }

    @Test func channelSumIsAWarning() throws {
        var report = Self.series(years: [2022])[0]
        let sum = report.channels.reduce(0) { $0 + $1.items }
        report.activeTotal?.value = sum + 10
        let findings = try Self.findings([report], rules: ["channel_sum"])
        #expect(findings.map(\.severity) == ["warning"])
        // expected: what the channels add up to; actual: the total as printed.
        #expect(findings.first?.expected == NumberFormatting.plain(sum))
        #expect(findings.first?.actual == NumberFormatting.plain(sum + 10))
    }

    @Test func carryOverAcrossYears() throws {
        var reports = Self.series(years: [2021, 2022])
        let last = reports[0].request(stage: .carriedForward, applicant: "自然人")?.number ?? 0
        Self.set(&reports[1], stage: .carriedOver, applicant: "自然人", last + 3)
        let findings = try Self.findings(reports, rules: ["carry_over"])
        #expect(findings.count == 1)
        #expect(findings.first?.location == "三 / 上年结转 / 自然人")
        #expect(findings.first?.expected == NumberFormatting.plain(last))
        #expect(findings.first?.actual == NumberFormatting.plain(last + 3))
        // The same numbers two years apart are not "consecutive": no finding.
        reports[1].year = 2023
        #expect(try Self.findings(reports, rules: ["carry_over"]) == [])
    }

    @Test func documentsInForce() throws {
        var reports = Self.series(years: [2021, 2022])
        let index = try #require(reports[1].article20.firstIndex { $0.content == "行政规范性文件" && $0.measure == "现行有效件数" })
        let right = reports[1].article20[index].value.number ?? 0
        reports[1].article20[index].value = .number(right + 7)
        let findings = try Self.findings(reports, rules: ["documents_in_force"])
        #expect(findings.map(\.location) == ["二 / 第二十条第（一）项 / 行政规范性文件 / 现行有效件数"])
        #expect(findings.first?.severity == "warning")
        #expect(findings.first?.expected == NumberFormatting.plain(right))
    }

    @Test func projectCounts() throws {
        var reports = Self.series(years: [2019, 2020], template: .y2019, seed: 5)
        let index = try #require(reports[1].article20.firstIndex { $0.content == "行政处罚" && $0.measure == "上一年项目数量" })
        reports[1].article20[index].value = .number((reports[1].article20[index].value.number ?? 0) + 4)
        let findings = try Self.findings(reports, rules: ["project_count"])
        #expect(findings.map(\.location) == ["二 / 第二十条第（六）项 / 行政处罚 / 上一年项目数量"])
    }

    @Test func cells() throws {
        var report = Self.series(years: [2022])[0]
        report.article20[0].value = .text("/")
        report.article20[1].value = .number(-1)
        report.article20[2].value = .number(1.5)
        report.reviews[3].value = .missing
        report.reviews[4].value = .missing
        report.requests[0].value = .blank
        let findings = try Self.findings([report], rules: ["cells"])
        #expect(findings.map(\.message).sorted() == [
            "2 cell(s) of the row not found: 尚未审结、总计", "a fractional count", "a negative count", "the cell holds “/”, not a number", "the cell is empty",
        ])
        #expect(findings.first { $0.message == "a negative count" }?.location == "二 / 第二十条第（一）项 / 规章 / 本年废止件数")
        #expect(findings.first { $0.message.hasPrefix("2 cell") }?.severity == "warning")
        // A report that leaves every zero blank: one finding for the cause, not one per cell.
        var blank = Self.series(years: [2022])[0]
        for index in blank.requests.indices where blank.requests[index].value == .number(0) { blank.requests[index].value = .blank }
        let blanks = blank.requests.filter { $0.value == .blank }.count
        let grouped = try Self.findings([blank], rules: ["cells"])
        #expect(blanks > 3)
        #expect(grouped.count == 1)
        #expect(grouped.first?.actual == "\(blanks) cells")
        #expect(grouped.first?.message.hasPrefix("\(blanks) cells: empty, not 0 (zeros left blank?) — 三 / ") == true)
        #expect(grouped.first?.message.hasSuffix("；…") == true)
        var bare = Self.series(years: [2022])[0]
        bare.reviews = []
        #expect(try Self.findings([bare], rules: ["cells"]).map(\.message) == ["section 四 table not found"])
    }

    /// Data year 2021 or later on the 2019 template: 过期格式.
    @Test func templateOutdated() throws {
        let old = Self.series(years: [2021], template: .y2019, seed: 5)
        let findings = try Self.findings(old, rules: ["template_outdated"])
        #expect(findings.map(\.severity) == ["warning"])
        #expect(findings.first?.expected == "2021")
        #expect(findings.first?.actual == "2019")
        #expect(try Self.findings(Self.series(years: [2020], template: .y2019, seed: 5), rules: ["template_outdated"]) == [])
        #expect(try Self.findings(Self.series(years: [2022]), rules: ["template_outdated"]) == [])
    }

    @Test func fees() throws {
        var report = Self.series(years: [2022])[0]
        let index = try #require(report.article20.firstIndex { $0.measure == "本年收费金额（单位：万元）" })
        report.article20[index].value = .number(1.5)
        report.proseNumbers = report.proseNumbers.map { number in
            var number = number
            if number.kind == ProseNumber.Kind.feesCollected { number.value = 0 }
            return number
        }
        let findings = try Self.findings([report], rules: ["fees"])
        #expect(findings.map(\.actual) == ["1.5"])
        #expect(findings.first?.severity == "warning")
    }

    @Test func outliers() throws {
        var reports = Self.series(years: [2021, 2022, 2023])
        let first = reports[0].activeTotal?.value ?? 0
        let jump = first * 20 + 1000
        reports[1].activeTotal?.value = jump
        reports[2].activeTotal?.value = 0
        let findings = try Self.findings(reports, rules: ["outlier"])
        #expect(findings.map(\.message).sorted() == [
            "主动公开 went from \(NumberFormatting.plain(jump)) (2022) to 0 (2023)",
            "主动公开 went from \(NumberFormatting.plain(first)) (2021) to \(NumberFormatting.plain(jump)) (2022)",
        ].sorted())
    }

    @Test func findingsAreQueryable() throws {
        let session = try QueryLanguageTests.session()
        _ = try session.execute("check")
        guard case .rows(let byRule) = try session.execute("findings by rule where year = 2021..2023 order by findings desc") else {
            Issue.record("no rows"); return
        }
        #expect(byRule.rows.contains { $0[0] == .text("prose_requests") && $0[1] == .integer(2) })
        guard case .report(_, let note) = try session.execute("check where county = 西山县") else { Issue.record("no report"); return }
        #expect(note == "checked 6 report(s): 3 error(s), 3 warning(s); 2 report(s) with no finding")
    }
}

/// `检查` says each rule's message in Chinese.
struct FindingsInChineseTests {
    @Test(arguments: [
        ("（七）总计 11 ≠ the sum of the 21 outcome rows = 12", "（七）总计 11 ≠ 21 个办理结果行之和 12"),
        ("the prose says 3 request(s) received (“共接到3次申请”), the table's 本年新收 总计 says 0", "正文称收到申请 3 件（“共接到3次申请”），表格本年新收总计为 0"),
        ("stated total 272 ≠ channels 公示栏 264 = 264", "所述总数 272 ≠ 各渠道 公示栏 264 = 264"),
        ("现行有效件数 7 ≠ last year's 5 + 制发 1 − 废止 0", "现行有效件数 7 ≠ 上年 5 + 制发 1 − 废止 0"),
        ("the cell is empty", "单元格为空"),
        ("the cell holds “/”, not a number", "单元格为“/”，不是数字"),
        ("135 cells: empty, not 0 (zeros left blank?) — 三 / 本年新收 / 自然人；…", "135 个单元格为空而非 0（0 留空了？）— 三 / 本年新收 / 自然人；…"),
        ("2 cell(s) of the row not found: 尚未审结、总计", "该行 2 个单元格未找到：尚未审结、总计"),
        ("section 四 table not found", "未找到第四部分的表格"),
        ("本年收费金额 2 万元 recorded, but section 六 says no 信息处理费 was collected (“未收取”)", "记有本年收费金额 2 万元，但第六部分称未收取信息处理费（“未收取”）"),
        ("主动公开 went from 50 (2021) to 900 (2022)", "主动公开 由 50（2021 年）变为 900（2022 年）"),
        ("data year 2021 on the 2019 template; the 2021 template (国办公开办函〔2021〕30号) applies from the 2021 annual reports on",
         "2021 年度报告仍用 2019 年模板；2021 年模板（国办公开办函〔2021〕30号）自 2021 年度报告起适用"),
        ("93.5% of sections 一/五/六 (185 characters) repeats the 2021 report (a.txt)", "一/五/六部分（185 字）有 93.5% 与 2021 年报告（a.txt）重复"),
        ("the same body and year loaded twice with different numbers: a.txt and b.txt; sums count both", "同一机关同年载入了两份数字不同的文件：a.txt 和 b.txt；合计会重复计算"),
        ("another file of this body and year, with other numbers, was left out: a.txt (一 主动公开总数: kept 540, skipped 532; 一 微博: kept 9, skipped —); this one was kept: as complete, and its file name says it is a correction",
         "同一机关同年另一份数字不同的文件未载入：a.txt（一 主动公开总数：保留的 540，未载入的 532; 一 微博：保留的 9，未载入的 —）；保留本文件：as complete, and its file name says it is a correction"),
    ])
    func eachMessageShape(english: String, chinese: String) {
        #expect(FindingsInChinese.message(english) == chinese)
    }
}
