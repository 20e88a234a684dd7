/// `gongkai parse FILE`: what the reader took from one report, in words an analyst can check against the
/// file, warnings included.
public enum ReportPrinter {
    /// A document block by block: `L12 ¶ text` for a paragraph, `L30 ▦` and one line per row for a
    /// table, merged cells once, a cell's own line breaks shown as ⏎.
    public static func document(_ document: Document) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                out += "L\(paragraph.line) ¶ \(paragraph.text)\n"
            case .table(let table):
                out += "L\(table.line) ▦ table, \(table.rows.count) row(s)\n"
                for row in table.rowsInOrder { out += "    | " + row.map { $0.replacing("\n", with: "⏎") }.joined(separator: " | ") + " |\n" }
            }
        }
        return out
    }

    public static func text(_ report: Report) -> String {
        var out: [String] = []
        func line(_ text: String) { out.append(text) }
        line("file      \(report.file)")
        line("title     \(report.title ?? "(none)")")
        line("agency    \(report.agency ?? "(unknown)")")
        let place = [report.province, report.city, report.county, report.township].compactMap { $0 }.joined(separator: " / ")
        line("place     \(place.isEmpty ? "(unknown)" : place)  level \(report.level.rawValue)")
        line("year      \(report.year.map(String.init) ?? "(unknown)")  template \(report.template?.rawValue ?? "(unknown)")")
        line("sections  \(report.narrative.map { String($0.section) }.joined(separator: " "))")
        line("")
        line("主动公开 (section 一)")
        if let total = report.activeTotal {
            line("  total \(approximately(total.value, total.approximate))  ← \(total.evidence)")
        } else {
            line("  total (not stated)")
        }
        for channel in report.channels {
            let account = channel.account.map { " “\($0)”" } ?? ""
            line("  \(channel.channel)\(account) \(approximately(channel.items, channel.approximate))  ← \(channel.evidence)")
        }
        for number in report.proseNumbers where number.kind != ProseNumber.Kind.activeTotal {
            line("  \(number.kind) \(approximately(number.value, number.approximate))  ← \(number.evidence)")
        }
        if !report.article20.isEmpty {
            line("")
            line("section 二 (article 20)")
            var lastItem = ""
            for cell in report.article20 {
                if cell.item != lastItem { line("  \(cell.item)"); lastItem = cell.item }
                line("    \(cell.content) / \(cell.measure) = \(cell.value)")
            }
        }
        if !report.requests.isEmpty {
            line("")
            line("section 三 (requests; columns: \(TemplateCatalog.applicants.joined(separator: " ")))")
            var index = 0
            while index < report.requests.count {
                let first = report.requests[index]
                var values: [String] = []
                var next = index
                while next < report.requests.count, report.requests[next].stage == first.stage,
                      report.requests[next].outcome == first.outcome, report.requests[next].reason == first.reason {
                    values.append(report.requests[next].value.description)
                    next += 1
                }
                let label = [first.stage.rawValue, first.outcome, first.reason].compactMap { $0 }.joined(separator: " / ")
                line("  \(label): \(values.joined(separator: " "))")
                index = next
            }
        }
        if !report.reviews.isEmpty {
            line("")
            line("section 四 (review and litigation)")
            for kind in TemplateCatalog.reviewKinds {
                let values = report.reviews.filter { $0.kind == kind }.map { "\($0.result) \($0.value)" }
                line("  \(kind): \(values.joined(separator: ", "))")
            }
        }
        line("")
        line("warnings (\(report.warnings.count))")
        for warning in report.warnings { line("  \(warning)") }
        return out.joined(separator: "\n") + "\n"
    }

    static func approximately(_ value: Double, _ approximate: Bool) -> String {
        NumberFormatting.plain(value) + (approximate ? " (approximate: 余)" : "")
    }
}
