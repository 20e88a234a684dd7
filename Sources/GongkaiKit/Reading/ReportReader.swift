/// How a report is read, start to end:
///
/// 0. the form is told from the bytes (`SourceForm`): text, an HTML page, a Word .docx or a PDF;
/// 1. bytes → text (`TextDecoder`: encoding detected; `TextNormalizer`: line ends, full-width digits);
/// 2. text → `Document` (`TextLayoutReader`: paragraphs and tables, whatever the layout). Pages,
///    Word files and PDFs have readers of their own (`HTMLReader`, `DocxReader`, `PDFReader`) that
///    produce the same `Document`;
/// 3. document → sections (`SectionSplitter`, by their headings);
/// 4. sections → values: metadata (`MetadataExtractor`), numbers in prose (`ProseScanner`), the three
///    tables (`Article20Extractor`, `RequestTableExtractor`, `ReviewTableExtractor`), each matching the
///    template's own labels in a cell stream (`CellStream`) so that the layout does not matter.
///
/// Nothing here throws after decoding: what cannot be read for certain becomes a warning on the report.
public struct ReportReader {
    public init() {}

    public func read(file path: String) throws(ReadError) -> Report {
        let bytes = try FileBytes.read(path)
        return try read(bytes: bytes, file: path)
    }

    public func read(bytes: [UInt8], file: String) throws(ReadError) -> Report {
        try readSource(bytes: bytes, file: file).report
    }

    /// A report and the form it was read from (`UTF-8`, `HTML, GB18030`, `Word .docx`, `PDF`).
    public func readSource(bytes: [UInt8], file: String) throws(ReadError) -> (report: Report, form: String) {
        let source = try readDocument(bytes: bytes, file: file)
        var report = read(document: source.document, file: file)
        if !Self.looksLikeAnAnnualReport(report, document: source.document) {
            throw ReadError(file: file, reason: "not an annual report: no title, no data year, none of the six section headings and no template table"
                            + (source.document.firstLine.map { " (it begins “\($0)”)" } ?? ""))
        }
        report.warnings.insert(contentsOf: source.warnings, at: 0)
        return (report, source.form)
    }

    /// False for text that is no annual report at all (a meeting notice, a file of junk): no title, no
    /// data year in the text (a year in the file name alone does not count), none of the six section
    /// headings, no template table. Such a file is refused, never loaded as an empty report that shows
    /// up as `(null)` in every grouping.
    static func looksLikeAnAnnualReport(_ report: Report, document: Document) -> Bool {
        if report.title != nil || !report.narrative.isEmpty || !report.requests.isEmpty || !report.reviews.isEmpty || !report.article20.isEmpty {
            return true
        }
        guard report.year != nil else { return false }
        return document.blocks.prefix(200).contains { block in
            if case .paragraph(let paragraph) = block { return MetadataExtractor.year(in: paragraph.text) != nil }
            return false
        }
    }

    /// The document a file holds, before any value is looked for: what `gongkai parse --format
    /// document` shows, to see what the reader saw.
    public func readDocument(bytes: [UInt8], file: String) throws(ReadError) -> (document: Document, form: String, warnings: [ParseWarning]) {
        switch try SourceForm.of(bytes, file: file) {
        case .text:
            let decoded = try TextDecoder.decode(bytes, file: file)
            return (document(text: decoded.text), decoded.encoding.rawValue, [])
        case .html:
            let page = try HTMLReader().read(bytes, file: file)
            return (page.document, "HTML, \(page.encoding)", page.warnings)
        case .docx:
            return (try DocxReader().read(bytes, file: file), "Word .docx", [])
        case .pdf:
            let pdf = try PDFReader().read(bytes, file: file)
            return (PDFLayoutReader().read(pdf.text, title: pdf.title), "PDF", [])
        }
    }

    public func read(text rawText: String, file: String) -> Report {
        read(document: document(text: rawText), file: file)
    }

    func document(text rawText: String) -> Document {
        TextLayoutReader().read(TextNormalizer.normalize(rawText))
    }

    public func read(document: Document, file: String) -> Report {
        var report = Report(file: file)
        let parts = SectionSplitter().split(document)
        readMetadata(parts, document: document, into: &report)
        readNarrative(parts, into: &report)
        readProse(parts, document: document, into: &report)
        readTables(parts, into: &report)
        return report
    }

    func readMetadata(_ parts: SectionSplitter.Result, document: Document, into report: inout Report) {
        let lines = document.blocks.prefix(30).flatMap { block -> [String] in
            if case .paragraph(let paragraph) = block { return [paragraph.text] }
            return []
        }
        report.title = MetadataExtractor.title(in: lines)
        report.agency = report.title.flatMap(MetadataExtractor.agencyPart(of:))
        if report.agency == nil {
            let opening = document.blocks.prefix(8).compactMap { block -> String? in
                if case .paragraph(let paragraph) = block { return paragraph.text }
                return nil
            }
            report.agency = MetadataExtractor.agencyInBody(opening)
        }
        let place = MetadataExtractor.place(of: report.agency)
        report.province = place.province
        report.city = place.city
        report.county = place.county
        report.township = place.township
        report.level = place.level
        // The whole text is joined only when the title does not settle the question.
        var joined: String?
        func allText() -> String {
            if let joined { return joined }
            let text = document.blocks.map(\.plainText).joined(separator: "\n")
            joined = text
            return text
        }
        if report.agency == nil { report.level = MetadataExtractor.levelFromSelfReference(allText()) }
        report.year = report.title.flatMap { MetadataExtractor.year(in: MatchKey.key($0)) }
            ?? MetadataExtractor.periodYear(in: allText())
            ?? MetadataExtractor.year(in: parts.section(1).map { $0.blocks.map(\.plainText).joined(separator: "\n") } ?? allText())
            ?? MetadataExtractor.fileYear(report.file)
        if report.title == nil {
            report.warnings.append(ParseWarning(code: "no_title", message: "no title line found; agency and place unknown"))
        }
        if report.year == nil {
            report.warnings.append(ParseWarning(code: "no_year", message: "no data year in the title, the body or the file name"))
        }
    }

    func readNarrative(_ parts: SectionSplitter.Result, into report: inout Report) {
        for section in parts.sections {
            let body = section.blocks.map(\.plainText).joined(separator: "\n")
            report.narrative.append(NarrativeSection(section: section.number, heading: section.heading, body: body))
        }
        let found = Set(parts.sections.map(\.number))
        let names = [1: "一、总体情况", 2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况",
                     4: "四、政府信息公开行政复议、行政诉讼情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"]
        let missing = (1...6).filter { !found.contains($0) }
        if missing.count == 6 {
            report.warnings.append(ParseWarning(code: "no_sections", message: "none of the six section headings found; the text is read as narrative only"))
        } else if !missing.isEmpty {
            let list = missing.compactMap { names[$0] }.joined(separator: "、")
            report.warnings.append(ParseWarning(code: "missing_section", message: "section(s) not found: \(list)"))
        }
    }

    func readProse(_ parts: SectionSplitter.Result, document: Document, into report: inout Report) {
        var scanner = ProseScanner()
        // Section 一 first; some reports tell their numbers in the prose of 二 or 三 instead.
        let paragraphs: [Block]
        if parts.section(1) != nil {
            paragraphs = parts.preamble + [1, 2, 3].flatMap { parts.section($0)?.blocks ?? [] }
        } else {
            paragraphs = document.blocks
        }
        for case .paragraph(let paragraph) in paragraphs { scanner.scan(paragraph.text) }
        // Fees are usually told in section 六; requests sometimes only there too.
        for number in [6, 5] {
            guard let section = parts.section(number) else { continue }
            for case .paragraph(let paragraph) in section.blocks {
                var late = ProseScanner()
                late.scan(paragraph.text)
                if scanner.feesCollected == nil { scanner.feesCollected = late.feesCollected }
            }
        }
        scanner.finish()
        report.channels = scanner.channels
        report.activeTotal = scanner.activeTotal
        for sentence in scanner.ambiguous.uniqued().prefix(3) {
            report.warnings.append(ParseWarning(code: "prose_ambiguous", message: "a count of items published that names neither a channel nor the total; not taken: \(sentence.prefix(120))", location: "一"))
        }
        report.proseNumbers = [scanner.activeTotal, scanner.requestsReceived, scanner.feesCollected].compactMap { $0 }
    }

    func readTables(_ parts: SectionSplitter.Result, into report: inout Report) {
        if let section = parts.section(2) {
            let extractor = Article20Extractor(stream: CellStream(blocks: section.blocks))
            report.template = extractor.detectTemplate()
            if let template = report.template {
                report.warnings += extractor.headerTypos(template)
                report.article20 = extractor.extract(template: template, warnings: &report.warnings)
            } else if !extractor.itemHeadings().isEmpty {
                report.warnings.append(ParseWarning(code: "unknown_template", message: "section 二 has tables but no column header that tells the 2019 template from the 2021 one", location: "二"))
            } else {
                report.warnings.append(ParseWarning(code: "missing_table", message: "section 二 has no article 20 table", location: "二"))
            }
        }
        if let section = parts.section(3) {
            let extractor = RequestTableExtractor(stream: CellStream(blocks: section.blocks))
            report.requests = extractor.extract(template: report.template, warnings: &report.warnings)
            if report.template == nil, !report.requests.isEmpty {
                report.template = extractor.detectRows(fallback: nil) == .y2021 && report.requests.contains { $0.reason == "其他" } ? .y2021 : nil
            }
        }
        if let section = parts.section(4) {
            report.reviews = ReviewTableExtractor(stream: CellStream(blocks: section.blocks)).extract(warnings: &report.warnings)
        }
        if report.template == nil, report.year.map({ $0 < 2019 }) == true {
            report.warnings.append(ParseWarning(code: "pre_2019", message: "a report from before the 2019 template: narrative only"))
        }
    }
}
