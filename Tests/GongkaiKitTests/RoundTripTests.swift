import Testing
@testable import GongkaiKit

/// Generate → write in every layout and encoding → read → the same values. A property test over many
/// seeds: each seed is a different report (template, channels, phrasing, numbers).
struct RoundTripTests {
    static func compare(_ read: Report, _ expected: Report, _ context: String) {
        #expect(read.year == expected.year, "\(context): year")
        #expect(read.agency == expected.agency, "\(context): agency")
        #expect(read.township == expected.township, "\(context): township")
        #expect(read.template == expected.template, "\(context): template")
        #expect(read.activeTotal?.value == expected.activeTotal?.value, "\(context): active total")
        #expect(read.requestsInProse?.value == expected.requestsInProse?.value, "\(context): requests in prose")
        func channels(_ report: Report) -> [String] {
            report.channels.map { "\($0.channel)|\($0.account ?? "")|\(NumberFormatting.plain($0.items))" }.sorted()
        }
        #expect(channels(read) == channels(expected), "\(context): channels")
        #expect(read.article20 == expected.article20, "\(context): article 20")
        #expect(read.requests == expected.requests, "\(context): requests")
        #expect(read.reviews == expected.reviews, "\(context): reviews")
    }

    static func generated(seed: UInt64, small: Bool = false) -> Report {
        var generator = ReportGenerator(seed: seed)
        generator.smallNumbers = small
        let bodies = ReportGenerator.fictionalBodies
        let body = bodies[Int(seed % UInt64(bodies.count))]
        return generator.report(body: body, year: 2019 + Int(seed % 5), template: seed % 2 == 0 ? .y2021 : .y2019)
    }

    @Test(arguments: [ReportWriter.Layout.word, .pipe, .markdown, .cellPerLine])
    func everyLayoutReadsBack(layout: ReportWriter.Layout) {
        for seed in UInt64(1)...40 {
            let report = Self.generated(seed: seed)
            let text = ReportWriter(layout: layout).write(report)
            Self.compare(ReportReader().read(text: text, file: "gen.txt"), report, "\(layout) seed \(seed)")
        }
    }

    @Test func runTogetherReadsBackWhenEveryValueIsOneDigit() {
        for seed in UInt64(1)...20 {
            let report = Self.generated(seed: seed, small: true)
            let text = ReportWriter(layout: .runTogether).write(report)
            let read = ReportReader().read(text: text, file: "gen.txt")
            Self.compare(read, report, "runTogether seed \(seed)")
        }
    }

    @Test func runTogetherWithManyDigitsWarnsInsteadOfGuessing() {
        let text = "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n规章1203\n"
        let report = ReportReader().read(text: text, file: "x.txt")
        #expect(report.warnings.contains { $0.code == "run_together" && $0.message.contains("1203") })
        #expect(report.article20(content: "规章", measure: "本年制发件数") == .missing)
    }

    @Test(arguments: TextEncoding.Variant.allCases)
    func everyEncodingReadsBack(variant: TextEncoding.Variant) throws {
        for seed in UInt64(100)...110 {
            let report = Self.generated(seed: seed)
            let bytes = TextEncoding.encode(ReportWriter(layout: .word).write(report), as: variant)
            let read = try ReportReader().read(bytes: bytes, file: "gen.txt")
            Self.compare(read, report, "\(variant) seed \(seed)")
        }
    }

    /// Pages as sites publish them: UTF-8 and GBK, the article alone, inside navigation, inside a
    /// layout table; merged cells as colspan/rowspan.
    @Test(arguments: [HTMLReportWriter(charset: .utf8), HTMLReportWriter(charset: .gbk), HTMLReportWriter(siteChrome: false),
                      HTMLReportWriter(charset: .gbk, layoutTable: true)])
    func everyPageFormReadsBack(writer: HTMLReportWriter) throws {
        for seed in UInt64(1)...24 {
            let report = Self.generated(seed: seed)
            let read = try ReportReader().read(bytes: writer.write(report), file: "gen.html")
            Self.compare(read, report, "html \(writer.charset) chrome \(writer.siteChrome) layout \(writer.layoutTable) seed \(seed)")
        }
    }

    /// Word files with the template's merged cells as gridSpan/vMerge.
    @Test func docxReadsBack() throws {
        for seed in UInt64(1)...24 {
            let report = Self.generated(seed: seed)
            let read = try ReportReader().read(bytes: try DocxReportWriter().write(report), file: "gen.docx")
            Self.compare(read, report, "docx seed \(seed)")
        }
    }

    @Test func samplesFaultsAreInTheWrittenFiles() throws {
        for file in SampleSet.files() {
            let read = try ReportReader().read(bytes: file.bytes, file: file.name)
            Self.compare(read, file.report, file.name)
            #expect(read.title?.contains("合成样例") == true)
        }
    }
}
