/// The report inside a web page: from its title to the end of section 六, without the site's header,
/// navigation, breadcrumbs, "related articles" and footer around it.
enum ReportContent {
    /// Lines that end a report on a web page: what sites print after the article.
    static let footerWords = ["版权所有", "主办单位", "主办：", "承办单位", "网站标识码", "ICP备", "icp备", "公网安备", "技术支持",
                              "联系我们", "网站地图", "关闭窗口", "打印本页", "【打印】", "【关闭】", "上一篇", "下一篇", "相关链接",
                              "相关文章", "相关阅读", "扫一扫", "分享到", "责任编辑"]

    /// nil when the page holds no report: no section heading and no table a template reader knows.
    static func extract(_ blocks: [Block], pageTitle: String?) -> Document? {
        let headings = blocks.indices.filter { index in
            if case .paragraph(let paragraph) = blocks[index] { return SectionSplitter.sectionNumber(paragraph.text) != nil }
            return false
        }
        guard let firstHeading = headings.first else {
            return looksLikeReportTables(blocks) ? Document(blocks: withTitle(blocks, pageTitle: pageTitle)) : nil
        }
        // The title is the nearest paragraph before the first heading that names the report; breadcrumbs
        // and sidebars that list other years' reports come before it.
        var start = firstHeading
        for index in stride(from: firstHeading - 1, through: max(0, firstHeading - 12), by: -1) {
            if case .paragraph(let paragraph) = blocks[index], isTitle(paragraph.text) {
                start = index
                break
            }
        }
        if start == firstHeading {
            // No title line in the body: keep up to two prose paragraphs just before the heading (the
            // preamble; navigation items are short), and take the title from the page's <title>.
            while start > 0, case .paragraph(let paragraph) = blocks[start - 1], paragraph.text.count > 30, start > firstHeading - 3 {
                start -= 1
            }
        }
        var end = blocks.count
        let lastHeading = headings.last ?? firstHeading
        for index in (lastHeading + 1)..<blocks.count {
            if case .paragraph(let paragraph) = blocks[index], isFooter(paragraph.text) {
                end = index
                break
            }
        }
        var content = Array(blocks[start..<end])
        if start == firstHeading { content = withTitle(content, pageTitle: pageTitle) }
        return Document(blocks: content)
    }

    static func isTitle(_ text: String) -> Bool {
        let key = MatchKey.key(text)
        return key.count <= 80 && key.has("年度报告") && (key.has("信息公开") || key.has("政务公开"))
    }

    static func isFooter(_ text: String) -> Bool {
        text.count < 200 && footerWords.contains { text.contains($0) }
    }

    /// The page's <title> without the site name after `_`, `-` or `|`.
    static func withTitle(_ blocks: [Block], pageTitle: String?) -> [Block] {
        guard let pageTitle else { return blocks }
        let title = pageTitle.split(whereSeparator: { "_|｜".contains($0) }).first.map { String($0).trimmingSpaces } ?? pageTitle
        guard isTitle(title) else { return blocks }
        return [.paragraph(Paragraph(text: title, line: blocks.first?.line ?? 1))] + blocks
    }

    /// A page without headings can still be a report: its tables carry the template's own labels.
    static func looksLikeReportTables(_ blocks: [Block]) -> Bool {
        let stream = CellStream(blocks: blocks.filter { if case .table = $0 { return true } else { return false } })
        let labels = ["本年新收政府信息公开申请数量", "本年制发件数", "行政复议"]
        return stream.cells.contains { cell in labels.contains { cell.key.has($0) } }
    }
}
