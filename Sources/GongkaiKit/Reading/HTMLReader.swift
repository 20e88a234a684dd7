import CLibXML2

/// A saved web page → `Document`. libxml2's HTML parser builds the tree (it survives the broken markup
/// of real sites and decodes entities); this walks it the way a reader's eye does: scripts, styles
/// and hidden elements ignored, block elements as paragraphs, data tables as grids with colspan and
/// rowspan expanded, `<br>` and `<p>` inside cells kept as line breaks. Sites that lay out the whole
/// page with tables are told apart from the report's own tables: a table holding another table, or a
/// cell with a long text, is layout, and its content is read as flowing text.
/// What comes back is the report alone: `ReportContent` cuts away the site's navigation and footer.
struct HTMLReader {
    struct Read {
        var document: Document
        var encoding: String
        var warnings: [ParseWarning]
    }

    func read(_ bytes: [UInt8], file: String) throws(ReadError) -> Read {
        let decoded = try HTMLEncoding.decode(bytes, file: file)
        guard LibXML2.ready else { throw ReadError(file: file, reason: "libxml2 did not start") }
        var utf8 = Array(decoded.text.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    htmlReadMemory(chars, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let parsed else { throw ReadError(file: file, reason: "an HTML page with nothing libxml2 could read") }
        // Freed whatever follows: a document without a root element is still a document to free.
        defer { xmlFreeDoc(parsed) }
        guard let root = xmlDocGetRootElement(parsed) else { throw ReadError(file: file, reason: "an HTML page with nothing libxml2 could read") }
        // libxml2 stops building the tree at 256 levels; what lay deeper is missing, and a page cut
        // that way must not pass for a list page without a word.
        var warnings: [ParseWarning] = decoded.warning.map { [$0] } ?? []
        if XMLNode(pointer: root).nestsDeeperThan(Limits.markupDepth - 2) {
            warnings.append(ParseWarning(code: "deep_markup", message: "the page nests elements \(Limits.markupDepth) levels deep, where the HTML parser stops: what lies deeper is not read"))
        }
        let cells = XMLNode(pointer: root).gridCells { element in
            let name = element.name.lowercased()
            guard name == "td" || name == "th" else { return nil }
            return (Int(element.attribute("colspan")?.trimmingSpaces ?? "") ?? 1, Int(element.attribute("rowspan")?.trimmingSpaces ?? "") ?? 1)
        }
        guard cells <= Limits.gridCells else {
            throw ReadError(file: file, reason: "an HTML page whose tables would lay out \(cells) cells (cells × their spans), over the limit of \(Limits.gridCells); not read")
        }
        var walker = HTMLWalker()
        walker.walk(XMLNode(pointer: root))
        walker.flush()
        guard let content = ReportContent.extract(walker.blocks, pageTitle: walker.pageTitle) else {
            throw ReadError(file: file, reason: "an HTML page that holds no annual report: no section headings (一、总体情况 … 六、其他需要报告的事项) and no report tables — a list page, a search result or an error page?")
        }
        return Read(document: content, encoding: decoded.encoding, warnings: warnings)
    }
}

/// The walk over a parsed page, collecting blocks.
struct HTMLWalker {
    var blocks: [Block] = []
    var pageTitle: String?
    private var pending = ""
    private var pendingLine = 0

    static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "embed", "select",
                                       "option", "button", "textarea", "svg", "canvas", "map", "video", "audio", "input"]
    static let blockElements: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                                             "section", "article", "header", "footer", "nav", "aside", "main", "blockquote",
                                             "pre", "center", "form", "fieldset", "address", "figure", "figcaption", "hr",
                                             "body", "html", "caption", "tr", "td", "th", "tbody", "thead", "tfoot"]

    static func isHidden(_ node: XMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        guard let style = node.attribute("style") else { return false }
        let compact = style.lowercased().filter { $0 != " " }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    mutating func walk(_ node: XMLNode) {
        for child in node.children {
            if child.isText {
                append(child.content, line: child.line)
                continue
            }
            guard child.isElement else { continue }
            let name = child.name.lowercased()
            if name == "head" {
                if let title = child.child("title")?.allText { pageTitle = HTMLText.collapse(title) }
                continue
            }
            if Self.skipped.contains(name) || Self.isHidden(child) { continue }
            switch name {
            case "br":
                flush()
            case "table":
                flush()
                if HTMLTable.isLayout(child) {
                    walk(child)
                    flush()
                } else {
                    let table = HTMLTable.read(child)
                    if !table.rows.isEmpty { blocks.append(.table(table)) }
                }
            default:
                if Self.blockElements.contains(name) {
                    flush()
                    walk(child)
                    flush()
                } else {
                    walk(child)
                }
            }
        }
    }

    private mutating func append(_ text: String, line: Int) {
        if pending.isEmpty { pendingLine = line }
        pending += text
    }

    mutating func flush() {
        let text = HTMLText.collapse(pending)
        if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: TextNormalizer.normalize(text), line: pendingLine))) }
        pending = ""
    }
}

/// Whitespace as a browser shows it: runs of spaces, tabs and line ends are one space; the ends trimmed
/// of every kind of space.
enum HTMLText {
    static func collapse(_ text: String) -> String {
        var lastWasSpace = true
        let collapsed = FastText.mapScalars(text) { value in
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                defer { lastWasSpace = true }
                return lastWasSpace ? nil : 0x20
            default:
                lastWasSpace = false
                return value
            }
        }
        // Indentation written as &nbsp; or ideographic spaces is layout, not text.
        return collapsed.trimmingSpaces
    }
}

/// `<table>` → `Table`, spans expanded.
enum HTMLTable {
    /// Report tables are flat and their cells short; a table that holds a table, or a cell of prose, is
    /// the page's layout.
    static func isLayout(_ table: XMLNode) -> Bool {
        func holdsLayout(_ node: XMLNode) -> Bool {
            node.children.contains { child in
                guard child.isElement else { return false }
                let name = child.name.lowercased()
                if name == "table" { return true }
                if (name == "td" || name == "th"), cellText(child).count > 200 { return true }
                return holdsLayout(child)
            }
        }
        return holdsLayout(table)
    }

    static func read(_ table: XMLNode) -> Table {
        var builder = GridBuilder()
        func rows(in node: XMLNode) {
            for child in node.children where child.isElement {
                switch child.name.lowercased() {
                case "tr":
                    if HTMLWalker.isHidden(child) { continue }
                    let cells = child.children.filter { $0.isElement && ["td", "th"].contains($0.name.lowercased()) }.map { cell in
                        GridBuilder.Cell(text: TextNormalizer.normalize(cellText(cell)),
                                         columns: Int(cell.attribute("colspan")?.trimmingSpaces ?? "") ?? 1,
                                         rows: Int(cell.attribute("rowspan")?.trimmingSpaces ?? "") ?? 1)
                    }
                    if !cells.isEmpty { builder.addRow(cells) }
                case "thead", "tbody", "tfoot":
                    rows(in: child)
                default:
                    continue
                }
            }
        }
        rows(in: table)
        return builder.table(line: table.line)
    }

    /// A cell's text: whitespace collapsed, `<br>` and block elements as line breaks, empty lines dropped.
    static func cellText(_ cell: XMLNode) -> String {
        var lines: [String] = []
        var current = ""
        func breakLine() {
            let line = HTMLText.collapse(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        func walk(_ node: XMLNode) {
            for child in node.children {
                if child.isText { current += child.content; continue }
                guard child.isElement else { continue }
                let name = child.name.lowercased()
                if HTMLWalker.skipped.contains(name) || HTMLWalker.isHidden(child) { continue }
                if name == "br" { breakLine(); continue }
                let isBlock = HTMLWalker.blockElements.contains(name)
                if isBlock { breakLine() }
                walk(child)
                if isBlock { breakLine() }
            }
        }
        walk(cell)
        breakLine()
        return lines.joined(separator: "\n")
    }
}
