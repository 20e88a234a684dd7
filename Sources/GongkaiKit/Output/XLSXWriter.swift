import Foundation
import ZIPFoundation

/// Results as one Excel/WPS workbook (.xlsx, Office Open XML, written as plain XML and zipped): a sheet per
/// result named after its statement (Excel's rules: at most 31 characters, none of `[]:*?/\`, unique), and a
/// first sheet saying what was run, from what and when. Numbers are stored as numbers (percent columns with a
/// percent format, whole numbers such as years without decimals), text as text, NULL as an empty cell; the
/// header row is bold and frozen; column widths follow the display width (CJK characters count double).
public struct XLSXWriter {
    public struct Sheet {
        public var name: String
        public var result: ResultSet
        public init(name: String, result: ResultSet) {
            self.name = name
            self.result = result
        }
    }

    /// The first sheet: rows of (what, value).
    public var about: [(String, String)]
    public var sheets: [Sheet]

    public init(about: [(String, String)], sheets: [Sheet]) {
        self.about = about
        self.sheets = sheets
    }

    /// Styles (cellXfs): 0 default, 1 bold header, 2 percent `0.0%`, 3 a decimal `0.####`.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.####"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """

    public func write() throws -> [UInt8] {
        let names = Self.sheetNames(["说明"] + sheets.map(\.name))
        let aboutSheet = ResultSet(columns: ["项目", "内容"], rows: about.map { [.text($0.0), .text($0.1)] })
        let all = [aboutSheet] + sheets.map(\.result)
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: all.count)),
            ("_rels/.rels", Self.packageRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(count: all.count)),
            ("xl/styles.xml", Self.styles),
        ]
        for (index, result) in all.enumerated() {
            files.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(result)))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    /// Sheet names as Excel takes them: `[]:*?/\` replaced, at most 31 characters, unique (a number added).
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 }).trimmingSpaces
            // Excel also refuses an apostrophe first or last, and the name History.
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty || base.lowercased() == "history" { base = "Sheet" + (base.isEmpty ? "" : " history") }
            base = String(base.prefix(31))
            var candidate = base
            var counter = 1
            while used.contains(candidate.lowercased()) {
                counter += 1
                let suffix = " (\(counter))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    func worksheet(_ result: ResultSet) -> String {
        let percent = result.columns.map { result.percentColumns.contains($0) }
        var widths = result.columns.map { DisplayWidth.of($0) }
        var rows = "<row r=\"1\">" + result.columns.enumerated().map { column, name in
            "<c r=\"\(Self.reference(column, 1))\" t=\"inlineStr\" s=\"1\"><is><t>\(XMLText.escape(name))</t></is></c>"
        }.joined() + "</row>"
        for (rowIndex, row) in result.rows.enumerated() {
            let number = rowIndex + 2
            rows += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() where column < result.columns.count {
                let reference = Self.reference(column, number)
                switch value {
                case .null:
                    continue
                case .integer(let integer):
                    rows += "<c r=\"\(reference)\"\(percent[column] ? " s=\"2\"" : "")><v>\(integer)</v></c>"
                    widths[column] = max(widths[column], String(integer).count)
                case .real(let real) where real.isFinite:
                    let style = percent[column] ? " s=\"2\"" : (real == real.rounded() ? "" : " s=\"3\"")
                    rows += "<c r=\"\(reference)\"\(style)><v>\(Self.number(real))</v></c>"
                    widths[column] = max(widths[column], percent[column] ? 7 : CellFormatting.text(value).count)
                default:
                    let text = CellFormatting.text(value, null: "")
                    rows += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escape(text))</t></is></c>"
                    widths[column] = max(widths[column], DisplayWidth.of(text))
                }
            }
            rows += "</row>"
        }
        let columns = widths.enumerated().map { index, width in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(80, max(8, width + 2)))\" customWidth=\"1\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>\(columns.isEmpty ? "" : "<cols>\(columns)</cols>")<sheetData>\(rows)</sheetData></worksheet>
        """
    }

    /// `A1`, `AB12`: the column letters and the row number.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var index = column + 1
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters + String(row)
    }

    /// A number as XML text: integers without `.0`, others with enough digits to read back the same.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    func workbook(_ names: [String]) -> String {
        let sheetsXML = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetsXML)</sheets></workbook>
        """
    }

    func workbookRelationships(count: Int) -> String {
        let sheetsXML = (1...count).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheetsXML)<Relationship Id="rId\(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """
    }

    func contentTypes(count: Int) -> String {
        let sheetsXML = (1...count).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheetsXML)</Types>
        """
    }

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """
}
