import Foundation
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

    /// Section 三 (2021) as an HTML page whose 其他处理 rows share one merged cell in the 自然人 column.
    static func pageWithMergedCell(_ merged: Int) -> [UInt8] {
        var rows = ""
        for row in TemplateCatalog.requestRows(.y2021) {
            let label = row.reason ?? row.outcome ?? row.stage.rawValue
            if row.outcome == "其他处理", row.reason != TemplateCatalog.otherReasons2021[0].0 {
                rows += "<tr><td>\(label)</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>\n"
            } else if row.outcome == "其他处理", row.reason == TemplateCatalog.otherReasons2021[0].0 {
                rows += "<tr><td>\(label)</td><td rowspan=\"3\">\(merged)</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>\(merged + 2)</td></tr>\n"
            } else {
                rows += "<tr><td>\(label)</td><td>0</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>\n"
            }
        }
        let html = """
        <html><head><meta charset="utf-8"><title>示范镇2023年政府信息公开工作年度报告</title></head><body>
        <p>示范镇2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table><tr><td></td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
        \(rows)</table>
        <p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
        </body></html>
        """
        return Array(html.utf8)
    }

    /// A value cell merged over the three 其他处理 rows: 0 is 0 in each row; another number is not put in
    /// every row (nor are the columns after it shifted): it is kept on 其他处理 as a whole, with a warning.
    @Test func aValueMergedOverSubRows() throws {
        let reasons = TemplateCatalog.otherReasons2021.map(\.0) + ["其他"]
        let zero = try ReportReader().read(bytes: Self.pageWithMergedCell(0), file: "merged.html")
        for reason in reasons {
            #expect(values(zero, outcome: "其他处理", reason: reason).first == "0", "\(reason)")
            #expect(values(zero, outcome: "其他处理", reason: reason).count == 7)
        }
        #expect(!zero.warnings.contains { $0.code == "merged_cell" })

        let three = try ReportReader().read(bytes: Self.pageWithMergedCell(3), file: "merged.html")
        for reason in reasons {
            let row = values(three, outcome: "其他处理", reason: reason)
            #expect(row.first == "(missing)", "\(reason): \(row)")
            #expect(row.dropFirst().first == "1", "the columns after the merged cell stay in place: \(row)")
        }
        #expect(values(three, outcome: "其他处理") == ["3"])
        let warning = try #require(three.warnings.first { $0.code == "merged_cell" })
        #expect(warning.message.contains("3 is one cell merged over 3 rows of 其他处理"))
    }

    /// Labels retyped one character off the template (`属于行政执法案件`, `行政许司`, `先行有效件数`,
    /// `重夏申请`) read as the template's, each with a `label_typo` warning; every value as in the file
    /// spelled right.
    @Test func labelsOneCharacterOffAreMatchedWithAWarning() throws {
        let path = SharedFiles.sample("示范市东湖区柳岸街道-2023-合成样例.txt")
        let right = try ReportReader().read(file: path)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (from, to) in [("7.属于行政执法案卷", "7.属于行政执法案件"), ("\n行政许可\n", "\n行政许司\n"), ("现行有效件数", "先行有效件数"), ("2.重复申请", "2.重夏申请")] {
            #expect(text.contains(from))
            text = text.replacingOccurrences(of: from, with: to)
        }
        let typed = try ReportReader().read(bytes: Array(text.utf8), file: "typos.txt")
        #expect(typed.requests == right.requests)
        #expect(typed.article20 == right.article20)
        #expect(typed.template == right.template)
        let typos = typed.warnings.filter { $0.code == "label_typo" }.map(\.message)
        #expect(typos.contains("label “执法案件” read as the template's “执法案卷”"), "\(typos)")
        #expect(typos.contains("label “行政许司” read as the template's “行政许可”"), "\(typos)")
        #expect(typos.contains("label “重夏申请” read as the template's “重复申请”"), "\(typos)")
        #expect(typos.contains("label “先行有效件数” read as the template's “现行有效件数”"), "\(typos)")
        #expect(typos.count == 4)
    }
}
