import Foundation
import ZIPFoundation

/// A report as a Word .docx: the smallest package Word, WPS and LibreOffice open (content types,
/// package relationships, `word/document.xml`), tables with the template's merged cells as
/// `w:gridSpan` and `w:vMerge`. For the round-trip tests; zipped with ZIPFoundation.
public struct DocxReportWriter {
    public init() {}

    public func write(_ report: Report) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.relationships),
                             ("word/document.xml", document(report))] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """

    static let relationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    func document(_ report: Report) -> String {
        var body = ""
        for block in ReportWriter(layout: .word).structuredBlocks(report) {
            switch block {
            case .title(let text):
                body += paragraph(text, bold: true)
            case .heading(let text):
                body += paragraph(text, bold: true)
            case .paragraph(let text):
                // Word splits a paragraph into runs wherever formatting changes: split it too.
                let middle = text.index(text.startIndex, offsetBy: text.count / 2)
                body += "<w:p><w:r><w:t xml:space=\"preserve\">\(escape(String(text[..<middle])))</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>\(escape(String(text[middle...])))</w:t></w:r></w:p>"
            case .table(let table):
                body += self.table(table)
                body += "<w:p/>"
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    func paragraph(_ text: String, bold: Bool = false) -> String {
        "<w:p><w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// Word writes every grid position of a vertically merged cell: `restart` in the first row, an
    /// empty `continue` cell in the rows below.
    func table(_ table: SpannedTable) -> String {
        let width = table.first.map { $0.reduce(0) { $0 + $1.columns } } ?? 1
        var below: [Int: (columns: Int, rowsLeft: Int)] = [:]  // grid column → a merge still running down
        var xml = "<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/></w:tblBorders></w:tblPr><w:tblGrid>"
        for twips in Self.columnWidths(width) { xml += "<w:gridCol w:w=\"\(twips)\"/>" }
        xml += "</w:tblGrid>"
        for row in table {
            xml += "<w:tr>"
            var column = 0
            var cells = row[...]
            while column < width, cells.first != nil || below[column] != nil {
                if let merge = below[column] {
                    xml += cell("", span: merge.columns, merge: "continue")
                    below[column] = merge.rowsLeft > 1 ? (merge.columns, merge.rowsLeft - 1) : nil
                    column += merge.columns
                    continue
                }
                guard let next = cells.popFirst() else { break }
                if next.rows > 1 { below[column] = (next.columns, next.rows - 1) }
                xml += cell(next.text, span: next.columns, merge: next.rows > 1 ? "restart" : nil)
                column += next.columns
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// Column widths in twips as the template's tables are drawn on an A4 page (9,000 twips between
    /// the margins): wide label columns, narrow number columns.
    static func columnWidths(_ count: Int) -> [Int] {
        switch count {
        case 10: return [1000, 1000, 2200] + Array(repeating: 690, count: 7)
        case 15: return Array(repeating: 600, count: 15)
        case ...1: return [9000]
        default: return [3000] + Array(repeating: 6000 / (count - 1), count: count - 1)
        }
    }

    func cell(_ text: String, span: Int, merge: String?) -> String {
        var properties = ""
        if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let merge { properties += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(text))</w:tc>"
    }

    func escape(_ text: String) -> String { XMLText.escape(text) }
}
