import Foundation

/// The audit's messages as a `检查` shows them: each rule writes its message in English around the report's
/// own Chinese labels and numbers; these rewrites, one per message shape of `AuditRules` (in their order),
/// say the same in Chinese. A message no pattern matches (a parse warning) is shown as written.
enum FindingsInChinese {
    static let rewrites: [(pattern: String, template: String)] = [
        // outcome_total
        (#"^（七）总计 (\S+) ≠ the sum of the (\d+) outcome rows = (\S+)$"#, "（七）总计 $1 ≠ $2 个办理结果行之和 $3"),
        // prose_requests
        (#"^the prose says (\S+) request\(s\) received \((“.*”)\), the table's 本年新收 总计 says (\S+)$"#, "正文称收到申请 $1 件（$2），表格本年新收总计为 $3"),
        // channel_sum
        (#"^stated total (\S+) ≠ channels (.*)$"#, "所述总数 $1 ≠ 各渠道 $2"),
        // documents_in_force, project_count
        (#" ≠ last year's "#, " ≠ 上年 "),
        // cells
        (#"^the cell is empty$"#, "单元格为空"),
        (#"^the cell holds (“.*”), not a number$"#, "单元格为$1，不是数字"),
        (#"^a negative count$"#, "负数"),
        (#"^a fractional count$"#, "小数"),
        (#"^(\d+) cells: empty, not 0 \(zeros left blank\?\) — "#, "$1 个单元格为空而非 0（0 留空了？）— "),
        (#"^(\d+) cells: text, not numbers — "#, "$1 个单元格为文字而非数字 — "),
        (#"^(\d+) cells: negative counts — "#, "$1 个单元格为负数 — "),
        (#"^(\d+) cells: fractional counts — "#, "$1 个单元格为小数 — "),
        (#"^(\d+) cell\(s\) of the row not found: "#, "该行 $1 个单元格未找到："),
        (#"^section (\S+) table not found$"#, "未找到第$1部分的表格"),
        // fees
        (#"^本年收费金额 (\S+) 万元 recorded, but section 六 says no 信息处理费 was collected \((“.*”)\)$"#, "记有本年收费金额 $1 万元，但第六部分称未收取信息处理费（$2）"),
        (#"^本年收费金额 is 0, but section 六 says (\S+) 元 of 信息处理费 was collected \((“.*”)\)$"#, "本年收费金额为 0，但第六部分称收取信息处理费 $1 元（$2）"),
        // outlier
        (#"^(\S+) went from (\S+) \((\d+)\) to (\S+) \((\d+)\)$"#, "$1 由 $2（$3 年）变为 $4（$5 年）"),
        // duplicate_report
        (#"^another file of this body and year, with other numbers, was left out: (.*?)(?: \((.*)\))?; this one was kept: (.*)$"#, "同一机关同年另一份数字不同的文件未载入：$1（$2）；保留本文件：$3"),
        (#"^the same body and year loaded twice with different numbers: (.*) and (.*); sums count both$"#, "同一机关同年载入了两份数字不同的文件：$1 和 $2；合计会重复计算"),
        // duplicate_report's differences, one value of each file
        (#": kept (\S+), skipped (\S+)"#, "：保留的 $1，未载入的 $2"),
        // template_outdated
        (#"^data year (\d+) on the 2019 template; the 2021 template \((.*)\) applies from the 2021 annual reports on$"#, "$1 年度报告仍用 2019 年模板；2021 年模板（$2）自 2021 年度报告起适用"),
        // text_reuse
        (#"^(\S+) of sections 一/五/六 \((\d+) characters\) repeats the (\d+) report \((.*)\)$"#, "一/五/六部分（$2 字）有 $1 与 $3 年报告（$4）重复"),
    ]

    static let compiled: [(NSRegularExpression, String)] = rewrites.compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }

    static let expected: [String: String] = ["a whole number ≥ 0": "≥ 0 的整数", "a number in each": "每格一个数字", "the table": "表格"]

    static func message(_ text: String) -> String {
        var text = text
        for (expression, template) in compiled {
            let range = NSRange(text.startIndex..., in: text)
            text = expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
        return text.replacingOccurrences(of: "（）", with: "")
    }
}
