import Testing
@testable import GongkaiKit

/// Tables read through what real reports do to the template: labels one or two characters off, value
/// cells merged over sub-rows, PDF labels wrapped around their value line.
struct TemplateQuirkTests {
    static let applicants = "自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计"

    func values(_ report: Report, outcome: String?, reason: String? = nil) -> [String] {
        report.requests.filter { $0.stage == .handled && $0.outcome == outcome && $0.reason == reason }.map(\.value.description)
    }

    /// `pdftotext -layout` of the 2021 template where （二）部分公开's label wraps over two lines with the
    /// value line between them (a cell whose text is centred vertically).
    @Test func aPDFLabelWrappedAroundItsValueLineKeepsItsRow() {
        let text = """
        三、收到和处理政府信息公开申请情况
                                    商业企   科研机   社会公   法律服
                              自然人                           其他   总计
                                    业     构     益组织   务机构
        一、本年新收
        政府信息公开                3     1     1     0     0     1    6
        申请数量
        二、上年结转
        政府信息公开                0     1     1     1     0     1    4
        申请数量
                 （一）予以公开      1     1     1     0     0     1    4
                 （二）部分公开（
                 区分处理的，只计
        三、本年度办                2     0     0     0     0     0    2
                 这一情形，不计其
        理结果
                 他情形）
                 （三）不予公开 1.
                              0     0     0     0     0     0    0
                 属于国家秘密
        
        """
        let report = ReportReader().read(document: PDFLayoutReader().read(text), file: "wrapped.pdf")
        #expect(values(report, outcome: "予以公开") == ["1", "1", "1", "0", "0", "1", "4"])
        #expect(values(report, outcome: "部分公开") == ["2", "0", "0", "0", "0", "0", "2"])
        #expect(values(report, outcome: "不予公开", reason: "属于国家秘密") == ["0", "0", "0", "0", "0", "0", "0"])
    }

    /// Section 三 of the 2021 template printed with narrow label columns and text centred in its cells
    /// (scripts/make-pdf-table-fixture): every label wraps above and below its value line, group labels
    /// (`（三）不予公开`) sit beside rows they do not belong to. Every row's seven values must be its own.
    @Test(.enabled(if: FormTests.pdftotextAvailable, "needs pdftotext (poppler-utils; scripts/setup installs it)"))
    func narrowCenteredCellsReadRowByRow() throws {
        let report = try ReportReader().read(file: FormTests.fixture("narrow-cells-2021.pdf"))
        // The fixture's numbers: row n (from 1) column c is (7n + 3c) mod 10 + 1, then the row's sum.
        func expected(_ row: Int) -> [String] {
            let values = (0..<6).map { (row * 7 + $0 * 3) % 10 + 1 }
            return values.map(String.init) + [String(values.reduce(0, +))]
        }
        let rows = TemplateCatalog.requestRows(.y2021)
        let tableWarnings = report.warnings.filter { ($0.location ?? "").hasPrefix("三") }
        #expect(tableWarnings.isEmpty, "\(tableWarnings)")
        for (index, row) in rows.enumerated() {
            let read = report.requests.filter { $0.stage == row.stage && $0.outcome == row.outcome && $0.reason == row.reason }.map(\.value.description)
            #expect(read == expected(index + 1), "\(row.label)")
        }
    }
}
