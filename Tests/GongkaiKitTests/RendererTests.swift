import Testing
@testable import GongkaiKit

/// The renderers' output for CJK, mixed-width and empty results, against golden files.
struct RendererTests {
    static let mixed = ResultSet(
        columns: ["township", "渠道", "items", "share"],
        rows: [
            [.text("羊亭镇"), .text("微信公众号"), .integer(566), .real(0.6219)],
            [.text("砲里街道"), .text("政府网站"), .integer(27), .real(0.1144)],
            [.text("Yangting"), .text("抖音 \"大美羊亭\""), .integer(64), .null],
            [.text("a,b|c"), .text("line\nbreak"), .null, .real(1.0 / 3.0)],
        ])
    static let empty = ResultSet(columns: ["乡镇", "count"], rows: [])

    @Test func tableAlignsByDisplayWidth() throws {
        let text = TableRenderer.render(Self.mixed)
        try Golden.check(text, "table-mixed.txt")
        // The last column is numeric and right-aligned: every line ends at the same display column.
        let lines = text.split(separator: "\n").dropLast()
        #expect(Set(lines.map { DisplayWidth.of($0) }).count == 1, "\(lines.map { DisplayWidth.of($0) })")
    }

    @Test func emptyResults() throws {
        try Golden.check(TableRenderer.render(Self.empty), "table-empty.txt")
        try Golden.check(CSVRenderer.render(Self.empty), "csv-empty.csv")
        try Golden.check(JSONRenderer.render(Self.empty), "json-empty.json")
        try Golden.check(MarkdownRenderer.render(Self.empty), "markdown-empty.md")
    }

    @Test func csvFollowsRFC4180() throws {
        let text = CSVRenderer.render(Self.mixed)
        try Golden.check(text, "csv-mixed.csv")
        #expect(text.contains("\"抖音 \"\"大美羊亭\"\"\""))
        #expect(text.contains("\"a,b|c\",\"line\nbreak\",,0.3333\r\n"))
        #expect(CSVRenderer.render(Self.empty, bom: true).hasPrefix("\u{FEFF}乡镇,count\r\n"))
        // A CR LF inside a text (one Character in Swift, two bytes in the file), a lone CR, an empty text.
        #expect(CSVRenderer.line([.text("a\r\nb"), .text("c\rd"), .text(""), .integer(-3), .real(2.5)]) == "\"a\r\nb\",\"c\rd\",,-3,2.5\r\n")
    }

    @Test func jsonHasTypedValues() throws {
        let text = JSONRenderer.render(Self.mixed)
        try Golden.check(text, "json-mixed.json")
        #expect(text.contains("\"items\": 566"))
        #expect(text.contains("\"share\": null"))
        #expect(text.contains("\"渠道\": \"line\\nbreak\""))
    }

    @Test func markdownEscapesAndAligns() throws {
        try Golden.check(MarkdownRenderer.render(Self.mixed), "markdown-mixed.md")
    }

    @Test func barChartScalesToWidth() throws {
        let result = ResultSet(columns: ["channel", "items"], rows: [
            [.text("政府网站"), .integer(92)], [.text("微信公众号"), .integer(566)], [.text("微博"), .integer(188)], [.text("抖音"), .integer(64)],
        ])
        let text = BarChartRenderer.render(result, width: 60)
        try Golden.check(text, "bar-channels.txt")
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    /// −50 is drawn to the left of the axis, half as long as 100 to its right; a pivot charts its last
    /// value column, never a change column (a fall charted as a % change looked like a rise), and shows
    /// its other values as numbers.
    @Test func barChartsNegativesAndPivots() {
        let signed = ResultSet(columns: ["k", "v"], rows: [[.text("a"), .integer(100)], [.text("b"), .integer(-50)]])
        let lines = BarChartRenderer.render(signed, width: 40).split(separator: "\n").map(String.init)
        #expect(lines[0] == "k   v")
        let axis = Array(lines[1]).firstIndex(of: "│")
        #expect(axis != nil && axis == Array(lines[2]).firstIndex(of: "│"))
        #expect(lines[2].hasSuffix("█│"))
        #expect(abs(lines[1].filter { $0 == "█" }.count - 2 * lines[2].filter { $0 == "█" }.count) <= 1)
        let pivot = ResultSet(columns: ["township", "2022", "2023", "Δ2022→2023", "%2022→2023"],
                              rows: [[.text("甲"), .integer(8), .integer(4), .integer(-4), .real(-50)]])
        let chart = BarChartRenderer.render(pivot, width: 40)
        #expect(chart.hasPrefix("township 2022 2023\n甲          8    4 "))
        #expect(!chart.contains("-50"))
        #expect(!chart.contains("Δ"))
        // Other metrics: numbers under their own headers, before the metric charted.
        let two = ResultSet(columns: ["county", "requests", "granted"], rows: [[.text("甲"), .integer(9), .integer(6)]])
        #expect(BarChartRenderer.render(two, width: 40).hasPrefix("county requests granted\n甲            9       6 █"))
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("羊亭镇") == 6)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("（一）") == 6)
        #expect(DisplayWidth.of("０１") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("𠀀") == 2)
        #expect(DisplayWidth.truncate("政府信息公开工作年度报告", to: 9) == "政府信息…")
    }
}

/// Sheet names as Excel takes them.
struct SheetNameTests {
    @Test func excelsRules() {
        let long = String(repeating: "长", count: 40)
        let names = XLSXWriter.sheetNames(["a/b:c", long, long, "'quoted'", "History", "", "说明", "说明"])
        #expect(names[0] == "a_b_c")
        #expect(names[1].count == 31 && names[2].count == 31 && names[1] != names[2])
        #expect(names[2].hasSuffix(" (2)"))
        #expect(names[3] == "quoted")
        #expect(names[4] == "Sheet history")
        #expect(names[5] == "Sheet")
        #expect(names[7] == "说明 (2)")
    }

    /// The table is written into storage sized from its cells beforehand: on any cells — wide and
    /// zero-width characters, control characters, line breaks, NULLs, numbers, cells cut at 60 columns,
    /// percent columns — every line is there, each as wide as the columns say, and the row count closes it.
    @Test(arguments: [true, false])
    func anyCellsMakeACompleteTable(cutWide: Bool) {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "7", "羊亭", "́", "\u{200B}", "\n", "\r\n", "\t", "\u{1B}[2J", "\u{85}", "😀", "Ｗ", " ", "|", "“", String(repeating: "长", count: 40)]
        for _ in 0..<200 {
            let columnCount = Int.random(in: 1...5, using: &random)
            let columns = (0..<columnCount).map { "c\($0)" + (Bool.random(using: &random) ? "列" : "") }
            let rows: [[DatabaseValue]] = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                (0..<columnCount).map { _ -> DatabaseValue in
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: return .null
                    case 1: return .integer(Int64.random(in: -99_999...99_999, using: &random))
                    case 2: return .real(Double.random(in: -1...1, using: &random))
                    default: return .text((0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
                    }
                }
            }
            var result = ResultSet(columns: columns, rows: rows)
            if Bool.random(using: &random) { result.percentColumns = [columns[0]] }
            let text = TableRenderer.render(result, cutWide: cutWide)
            let footer = "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
            #expect(text.hasSuffix(footer), "\(result)")
            let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == rows.count + 3, "\(result)")
            // The rule under the header is as wide as the table; no line is wider (the last column of
            // text is not padded, so a line may be narrower).
            let width = DisplayWidth.of(lines[1])
            #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) <= width }, "\(result)")
        }
    }
}
