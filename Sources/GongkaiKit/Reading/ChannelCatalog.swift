/// Channel words seen in reports and the one name per kind of channel the store uses
/// (docs/schema.md lists them). Matched on folded text, longest word first.
public enum ChannelCatalog {
    public static let words: [(word: String, channel: String)] = {
        let table: [(String, [String])] = [
            ("政府网站", ["政务网站", "政府网站", "门户网站", "门户网", "政府网", "官网", "网站"]),
            ("微信公众号", ["微信公众号", "微信公众平台", "微信平台", "公众号", "微信"]),
            ("微博", ["微博"]),
            ("抖音", ["抖音"]),
            ("今日头条", ["今日头条", "头条号"]),
            ("政务新媒体", ["政务新媒体", "新媒体"]),
            ("公示栏", ["公示栏", "公告栏", "公开栏", "宣传栏", "公示牌"]),
            ("电子显示屏", ["电子显示屏", "电子屏幕", "电子屏", "LED屏"]),
            ("广播电视", ["广播电视", "广播", "电视"]),
            ("报刊", ["新闻报刊", "报刊", "报纸", "日报"]),
            ("APP", ["APP", "客户端"]),
            ("其他", ["其他方式", "其他渠道", "其他媒体", "其他平台", "其它方式", "其它渠道"]),
        ]
        return table.flatMap { channel, words in words.map { ($0, channel) } }
            .sorted { $0.0.count > $1.0.count }
    }()

    /// The channel name a free-form channel word stands for (`微信` → `微信公众号`, `新闻报刊` → `报刊`).
    public static func canonical(_ text: String) -> String? {
        let key = MatchKey.key(text)
        return words.first { key.has($0.word) }?.channel
    }
}
