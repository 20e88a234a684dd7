import CLibXML2
import Foundation

/// A Word .docx → `Document`. The file is a zip (read by `ZipReader`) whose `word/document.xml` holds the
/// body; libxml2 parses it. Paragraphs are their runs joined (`w:t`, `w:tab` as a tab, `w:br` as a
/// line break); tables are grids with `w:gridSpan` and `w:vMerge` expanded so merged cells land in
/// their columns; text in content controls, text boxes and nested tables is kept. The `line` of a
/// block is its paragraph's ordinal in the document (Word has no lines), so warnings still point
/// somewhere a person can find.
struct DocxReader {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    func read(_ bytes: [UInt8], file: String) throws(ReadError) -> Document {
        let xml = try documentXML(bytes, file: file)
        guard LibXML2.ready else { throw ReadError(file: file, reason: "libxml2 did not start") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed: xmlDocPtr? = xml.withUnsafeBytes { buffer in
            buffer.baseAddress.flatMap { base in
                xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { throw ReadError(file: file, reason: "a Word .docx whose word/document.xml is not well-formed XML (damaged file?)") }
        // Freed whatever follows: a document without a root element is still a document to free.
        defer { xmlFreeDoc(parsed) }
        guard let root = xmlDocGetRootElement(parsed) else { throw ReadError(file: file, reason: "a Word .docx whose word/document.xml is not well-formed XML (damaged file?)") }
        // Word never writes a DTD: one in a .docx is there to declare entities (which expand or loop).
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            throw ReadError(file: file, reason: "a Word .docx whose document part declares a DTD (Word never writes one); not read")
        }
        if XMLNode(pointer: root).nestsDeeperThan(Limits.markupDepth) {
            throw ReadError(file: file, reason: "a Word .docx whose elements nest deeper than \(Limits.markupDepth) levels (Word nests a few dozen); not read")
        }
        let cells = XMLNode(pointer: root).gridCells { element in
            element.name == "tc" ? (Int(element.child("tcPr")?.child("gridSpan")?.attribute("val") ?? "") ?? 1, 1) : nil
        }
        guard cells <= Limits.gridCells else {
            throw ReadError(file: file, reason: "a Word .docx whose tables would lay out \(cells) cells, over the limit of \(Limits.gridCells); not read")
        }
        guard let body = XMLNode(pointer: root).child("body") else {
            throw ReadError(file: file, reason: "a Word .docx with no document body")
        }
        var walker = DocxWalker()
        walker.blocks(in: body)
        return Document(blocks: walker.blocks)
    }

    /// The bytes of `word/document.xml`, or a refusal that says what the zip is instead.
    func documentXML(_ bytes: [UInt8], file: String) throws(ReadError) -> [UInt8] {
        let archive: ZipReader
        do { archive = try ZipReader(bytes) } catch {
            throw ReadError(file: file, reason: "a zip archive that cannot be opened (truncated or damaged .docx?): \(error)")
        }
        guard let entry = archive["word/document.xml"] else {
            let names = archive.entries.prefix(3).map(\.name).joined(separator: ", ")
            throw ReadError(file: file, reason: "a zip archive but not a Word .docx (no word/document.xml; it holds \(names.isEmpty ? "nothing" : names)…)")
        }
        // A zip bomb must not take the machine's memory: a report's document part is well under 10 MB.
        // The size the archive declares is checked first, and what actually comes out while inflating:
        // a header may lie.
        let limit = Limits.documentPartBytes
        guard entry.uncompressedSize <= limit else {
            throw ReadError(file: file, reason: "a Word .docx whose document part unpacks to \(entry.uncompressedSize >> 20) MB; not read (a report is a few hundred KB)")
        }
        do {
            return try archive.extract(entry, limit: limit)
        } catch is ZipReader.TooLarge {
            throw ReadError(file: file, reason: "a Word .docx whose document part unpacks to more than \(limit >> 20) MB, more than its header says; not read")
        } catch {
            throw ReadError(file: file, reason: "a Word .docx whose document part cannot be unpacked (\(error))")
        }
    }
}

/// The walk over `w:body`.
struct DocxWalker {
    var blocks: [Block] = []
    private var ordinal = 0

    mutating func blocks(in container: XMLNode) {
        for child in container.children where child.isElement {
            switch child.name {
            case "p":
                ordinal += 1
                var boxes: [XMLNode] = []
                let text = Self.paragraphText(child, textBoxes: &boxes)
                for line in text.split(separator: "\n") {
                    let trimmed = HTMLText.collapse(String(line))
                    if !trimmed.isEmpty { blocks.append(.paragraph(Paragraph(text: TextNormalizer.normalize(trimmed), line: ordinal))) }
                }
                for box in boxes { blocks(in: box) }
            case "tbl":
                ordinal += 1
                let table = table(child)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
            case "sdt":
                if let content = child.child("sdtContent") { blocks(in: content) }
            case "customXml", "smartTag", "ins":
                blocks(in: child)
            default:
                continue
            }
        }
    }

    /// A paragraph's text; text boxes met inside it are handed back to be read as blocks of their own.
    static func paragraphText(_ paragraph: XMLNode, textBoxes: inout [XMLNode]) -> String {
        var text = ""
        func walk(_ node: XMLNode) {
            for child in node.children where child.isElement {
                switch child.name {
                case "t": text += child.allText
                case "tab": text += "\t"
                case "br", "cr": text += "\n"
                case "noBreakHyphen": text += "-"
                case "delText", "instrText", "pPr", "rPr", "del", "Fallback": continue  // deletions, field codes, VML copies
                case "txbxContent": textBoxes.append(child)
                default: walk(child)
                }
            }
        }
        walk(paragraph)
        return text
    }

    /// A cell's text: its paragraphs one per line, nested tables row by row.
    static func cellText(_ cell: XMLNode) -> String {
        var walker = DocxWalker()
        walker.blocks(in: cell)
        return walker.blocks.map { block -> String in
            switch block {
            case .paragraph(let paragraph): return paragraph.text
            case .table(let table): return table.rows.map { $0.joined(separator: " ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }

    mutating func table(_ table: XMLNode) -> Table {
        let line = ordinal
        // First pass: each row's cells with their grid column, span and vertical-merge state.
        struct RawCell { var text: String; var column: Int; var span: Int; var merge: String? }
        var rows: [[RawCell]] = []
        for row in table.children where row.isElement && row.name == "tr" {
            var column = Int(row.child("trPr")?.child("gridBefore")?.attribute("val") ?? "") ?? 0
            var cells: [RawCell] = []
            for cell in Self.cells(of: row) {
                let properties = cell.child("tcPr")
                let span = max(1, Int(properties?.child("gridSpan")?.attribute("val") ?? "") ?? 1)
                let merge = properties?.child("vMerge").map { $0.attribute("val") ?? "continue" }
                cells.append(RawCell(text: Self.cellText(cell), column: column, span: span, merge: merge))
                column += span
            }
            rows.append(cells)
        }
        // Second pass: a vMerge restart spans down over the continue cells below it in its column.
        var builder = GridBuilder()
        for (index, row) in rows.enumerated() {
            let cells = row.compactMap { cell -> GridBuilder.Cell? in
                if cell.merge == "continue", index > 0 { return nil }
                var height = 1
                if cell.merge != nil {
                    while index + height < rows.count,
                          rows[index + height].contains(where: { $0.column == cell.column && $0.merge == "continue" }) {
                        height += 1
                    }
                }
                // The text is normalised already: cellText joins the paragraphs `blocks(in:)` normalised.
                return GridBuilder.Cell(text: cell.text, columns: cell.span, rows: height)
            }
            builder.addRow(cells)
        }
        ordinal += rows.count
        return builder.table(line: line)
    }

    /// The cells of a row, including those wrapped in content controls or custom XML.
    static func cells(of row: XMLNode) -> [XMLNode] {
        var cells: [XMLNode] = []
        for child in row.children where child.isElement {
            switch child.name {
            case "tc": cells.append(child)
            case "sdt": if let content = child.child("sdtContent") { cells += Self.cells(of: content) }
            case "customXml": cells += Self.cells(of: child)
            default: continue
            }
        }
        return cells
    }
}
