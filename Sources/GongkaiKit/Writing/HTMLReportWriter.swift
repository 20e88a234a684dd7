/// A report as a government site publishes it: the article inside the site's header, navigation,
/// breadcrumbs, a sidebar listing other reports, scripts and a footer — the clutter the HTML reader
/// has to see past. Tables carry the template's merged cells as colspan/rowspan. For the round-trip
/// tests and the benchmark's corpus; the page says in its title and body that it is synthetic when
/// the report's title does.
public struct HTMLReportWriter: Sendable {
    public enum Charset: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        case gbk
    }

    public var charset: Charset
    /// The site around the article; without it the page is the article alone.
    public var siteChrome: Bool
    /// Old sites lay the whole page out in one big table.
    public var layoutTable: Bool

    public init(charset: Charset = .utf8, siteChrome: Bool = true, layoutTable: Bool = false) {
        self.charset = charset
        self.siteChrome = siteChrome
        self.layoutTable = layoutTable
    }

    public func write(_ report: Report) -> [UInt8] {
        let html = page(report)
        switch charset {
        case .utf8: return Array(html.utf8)
        case .gbk: return TextEncoding.encode(html, as: .gb18030)
        }
    }

    func page(_ report: Report) -> String {
        let title = escape(report.title ?? "政府信息公开工作年度报告")
        var out = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html><head>
        <meta http-equiv="Content-Type" content="text/html; charset=\(charset.rawValue)" />
        <title>\(title)_政府信息公开专栏</title>
        <style type="text/css">.hide{display:none} td{border:1px solid #000}</style>
        <script type="text/javascript">var 一、总体情况 = "脚本里的字不是正文"; document.write("<p>六、其他需要报告的事项</p>");</script>
        </head><body>

        """
        if layoutTable { out += "<table width=\"1000\"><tr><td>\n" }
        if siteChrome {
            out += """
            <div class="header"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
            <ul class="nav"><li><a href="#">政府信息公开指南</a></li><li><a href="#">政府信息公开制度</a></li>
            <li><a href="#">法定主动公开内容</a></li><li><a href="#">政府信息公开年报</a></li></ul>
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
            <div style="display: none">一、总体情况 隐藏的文字不是正文</div>

            """
        }
        if layoutTable { out += "</td></tr><tr><td>\n" }
        out += "<div class=\"article\">\n"
        let writer = ReportWriter(layout: .word)
        for block in writer.structuredBlocks(report) {
            switch block {
            case .title(let text):
                out += "<h1 class=\"title\">\(escape(text))</h1>\n<div class=\"info\">发布时间：2022-01-20&nbsp;&nbsp;来源：本站&nbsp;&nbsp;【字体：大 中 小】</div>\n"
            case .heading(let text):
                out += "<p style=\"text-indent:2em\"><strong>\(escape(text))</strong></p>\n"
            case .paragraph(let text):
                out += "<p style=\"text-indent:2em\">&nbsp;&nbsp;\(escape(text))</p>\n"
            case .table(let table):
                out += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\"><tbody>\n"
                for row in table {
                    out += "<tr>"
                    for cell in row {
                        let spans = (cell.columns > 1 ? " colspan=\"\(cell.columns)\"" : "") + (cell.rows > 1 ? " rowspan=\"\(cell.rows)\"" : "")
                        out += "<td\(spans)><p align=\"center\"><span>\(cellHTML(cell.text))</span></p></td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody></table>\n"
            }
        }
        out += "</div>\n"
        if siteChrome {
            out += """
            <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
            <div class="related"><h3>相关文章</h3><ul><li><a href="#">2020年政府信息公开工作年度报告</a></li></ul></div>
            <div class="footer">版权所有：示例网站（合成样例） 网站标识码：0000000000 ICP备00000000号</div>

            """
        }
        if layoutTable { out += "</td></tr></table>\n" }
        out += "</body></html>\n"
        return out
    }

    /// Long labels wrap with `<br>` inside the cell, as Word's HTML export does.
    func cellHTML(_ text: String) -> String {
        guard text.count > 12 else { return escape(text) }
        let split = text.index(text.startIndex, offsetBy: 6)
        return escape(String(text[..<split])) + "<br/>\n" + escape(String(text[split...]))
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "“": out += "&ldquo;"
            case "”": out += "&rdquo;"
            default: out.append(character)
            }
        }
        return out
    }
}
