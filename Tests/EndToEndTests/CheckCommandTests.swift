import Foundation
import Testing

/// `gongkai check`: findings, the summary line and the exit status.
struct CheckCommandTests {
    @Test func errorsOnTheSamplesExitOne() throws {
        let result = try BinaryRunner.run(["check", "--severity", "error"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("威海市环翠区羊亭镇    2021  prose_requests   error     一 / 依申请公开 vs 三 / 本年新收 / 总计"))
        // The summary counts the severity asked for (issue 14: it counted the warnings it did not show).
        #expect(result.stdout.hasSuffix("checked 19 report(s): 8 error(s), 0 warning(s); 13 report(s) with no finding\n"))
    }

    @Test func onlyWarningRulesExitZero() throws {
        let result = try BinaryRunner.run(["check", "--rule", "channel_sum", "--rule", "outlier"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("channel_sum"))
        #expect(result.stdout.hasSuffix("checked 19 report(s): 0 error(s), 1 warning(s); 18 report(s) with no finding\n"))
    }

    @Test func csvForScripts() throws {
        let result = try BinaryRunner.run(["check", "--rule", "review_total", "--format", "csv"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first == "agency,year,rule,severity,location,expected,actual,message,file")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("示范市北岭县云岗镇,2023,review_total,error,四 / 行政复议 / 总计,1,2,"))
        #expect(result.stderr.contains("checked 19 report(s)"))
    }

    @Test func anUnknownRuleIsAUsageError() throws {
        let result = try BinaryRunner.run(["check", "--rule", "rowtotal"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown rule “rowtotal”. did you mean “row_total”?"))
    }

    @Test(.enabled(if: BinaryRunner.sharedAvailable, "needs ../shared/seed"))
    func theSeedAlone() throws {
        let result = try BinaryRunner.run(["check", BinaryRunner.shared("seed/000_0717abcba8b88f39.txt"), "--format", "json"])
        #expect(result.status == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["rule"] as? String } == ["prose_requests", "template_outdated"])
        // expected: the other side of the report's own equation (the prose); actual: the cell as printed.
        #expect(rows[0]["expected"] as? String == "3")
        #expect(rows[0]["actual"] as? String == "0")
    }

    /// `--severity` filters the summary and the exit status too: a warnings-only run does not fail on the
    /// errors it does not show. Findings are no chart.
    @Test func severityFiltersTheSummaryAndTheExitStatus() throws {
        let warnings = try BinaryRunner.run(["check", "--severity", "warning"])
        #expect(warnings.status == 0)
        #expect(warnings.stdout.contains("checked 19 report(s): 0 error(s), 7 warning(s)"))
        let errors = try BinaryRunner.run(["check", "--severity", "error"])
        #expect(errors.status == 1)
        #expect(errors.stdout.contains("8 error(s), 0 warning(s)"))
        let bar = try BinaryRunner.run(["check", "--format", "bar"])
        #expect(bar.status == 64)
        #expect(bar.stderr.contains("findings are a list"))
    }

    /// Written to a file or a pipe, a finding's message keeps every number (the terminal's table cuts
    /// cells at 60 columns).
    @Test func messagesAreWholeInFiles() throws {
        let result = try BinaryRunner.run(["check", "--rule", "row_total"])
        #expect(result.stdout.contains("总计 11 ≠ 自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 2 + 其他 1 = 10"))
    }
}
