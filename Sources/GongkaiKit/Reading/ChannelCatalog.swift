/// Channel words seen in reports and the one name per kind of channel the store uses
/// (docs/schema.md lists them, docs/reader.md §5 the words). Matched on folded text, longest word first.
public enum ChannelCatalog {
    static let table: [(String, [String])] = [
        ("政府网站", ["政务网站", "政府网站", "门户网站", "门户网", "政府网", "政务网", "官网", "网站", "政务公开网", "公开网",
                  "信息公开平台", "政务公开平台", "信息公开专栏", "政务公开专栏", "公开专栏", "政务页面", "公众信息平台"]),
        ("微信公众号", ["微信公众号", "微信公众平台", "微信平台", "公众号", "微信", "服务号", "订阅号"]),
        ("微信视频号", ["微信视频号", "视频号"]),
        ("微博", ["微博"]),
        ("抖音", ["抖音"]),
        ("快手", ["快手"]),
        ("小红书", ["小红书"]),
        ("今日头条", ["今日头条", "头条号"]),
        ("学习强国", ["学习强国"]),
        ("政务新媒体", ["政务新媒体", "新媒体"]),
        ("公示栏", ["公示栏", "公告栏", "公开栏", "宣传栏", "公示牌", "公开墙", "公示墙"]),
        ("电子显示屏", ["电子显示屏", "电子屏幕", "电子屏", "LED屏"]),
        ("广播电视", ["广播电视", "广播", "电视", "大喇叭", "村村响"]),
        ("报刊", ["新闻报刊", "报刊", "报纸", "日报"]),
        ("新闻媒体", ["新闻网站", "新闻媒体", "新闻网", "主流媒体"]),
        ("APP", ["APP", "客户端"]),
        ("政务公开专区", ["政务公开专区", "信息公开专区", "公开专区", "查阅点", "查阅室"]),
        ("便民服务中心", ["便民服务中心", "政务服务中心", "党群服务中心"]),
        ("档案馆", ["档案馆", "图书馆"]),
        ("线下", ["线下方式", "线下渠道", "线下"]),
        ("其他", ["其他方式", "其他渠道", "其他媒体", "其他平台", "其它方式", "其它渠道"]),
    ]

    public static let words: [(word: String, channel: String)] = {
        table.flatMap { channel, words in words.map { ($0, channel) } }
            .sorted { $0.0.count > $1.0.count }
    }()

    /// The channel kinds in the catalogue's order (政府网站 first, 其他 last): how channels sort and complete.
    public static let kinds: [String] = {
        var seen = Set<String>()
        return table.map(\.0).filter { seen.insert($0).inserted }
    }()

    /// Each channel word for its kind, where they differ (`微信` → 微信公众号, `门户网站` → 政府网站): what a
    /// user may type for a channel.
    public static let aliases: [String: String] = {
        var aliases: [String: String] = [:]
        for (word, channel) in words where word != channel { aliases[word] = channel }
        return aliases
    }()

    /// Words that stand for several channels at once: `两微` is 微信 and 微博.
    public static let bundles: [(word: String, channels: [String])] = [
        ("两微一端", ["微信公众号", "微博", "APP"]), ("两微一抖", ["微信公众号", "微博", "抖音"]), ("两微", ["微信公众号", "微博"]),
    ]

    /// The channel name a free-form channel word stands for (`微信` → `微信公众号`, `新闻报刊` → `报刊`).
    public static func canonical(_ text: String) -> String? {
        let key = MatchKey.key(text)
        return words.first { key.has($0.word) }?.channel
    }
}
