/// The synthetic part of `samples/`: six fictional bodies of 示范市 in three counties over 2021–2023,
/// both templates, several layouts and encodings, and one deliberate inconsistency in six of the
/// reports (listed in samples/README.md), so that cross-year, cross-body and audit queries have
/// something to show. Deterministic: `gongkai generate samples` writes the same bytes every time.
public enum SampleSet {
    public struct File: Sendable {
        public var name: String
        public var report: Report
        public var layout: ReportWriter.Layout
        public var encoding: TextEncoding.Variant
        public var faults: Set<ReportGenerator.Fault>
        public var bytes: [UInt8] { TextEncoding.encode(ReportWriter(layout: layout).write(report), as: encoding) }
    }

    public static let years = [2021, 2022, 2023]

    /// Which report gets which fault: (body name, year) → fault.
    public static let faults: [String: ReportGenerator.Fault] = [
        "柳岸街道-2021": .rowTotal, "桃源镇-2022": .requestBalance, "白沙镇-2022": .channelSum,
        "松林乡-2023": .proseRequests, "云岗镇-2023": .reviewTotal, "青石街道-2023": .textCell,
    ]

    public static func files(seed: UInt64 = 2024) -> [File] {
        var generator = ReportGenerator(seed: seed)
        let layouts: [ReportWriter.Layout] = [.word, .pipe, .markdown, .cellPerLine]
        var files: [File] = []
        for (bodyIndex, body) in ReportGenerator.fictionalBodies.enumerated() {
            var carry: ReportGenerator.Carry?
            for (yearIndex, year) in years.enumerated() {
                // 西山县 still used the 2019 template for 2021, as many real bodies did.
                let template: Template = body.county == "西山县" && year == 2021 ? .y2019 : .y2021
                let fault = faults["\(body.name)-\(year)"]
                let report = generator.report(body: body, year: year, template: template, faults: fault.map { [$0] } ?? [], carry: carry)
                carry = ReportGenerator.carry(from: report)
                let encoding: TextEncoding.Variant = body.name == "松林乡" ? .gb18030 : body.name == "白沙镇" ? .utf8BOM : .utf8
                let layout = layouts[(bodyIndex + yearIndex) % layouts.count]
                files.append(File(name: "\(body.agency)-\(year)-合成样例.txt", report: report, layout: layout, encoding: encoding,
                                  faults: fault.map { [$0] } ?? []))
            }
        }
        return files
    }
}
