/// The generator's narrative: the same facts in the phrasings real reports use, so the prose scanner is
/// exercised on more than one sentence shape.
extension ReportGenerator {
    struct Channel {
        var channel: String
        var word: String
        var account: String?
        var items: Double
    }

    mutating func makeChannels(scale: Double = 1) -> [Channel] {
        let pool: [(String, String, String?)] = [
            ("政府网站", "政务网站", nil), ("微信公众号", "微信公众号", "在线"), ("微博", "微博", "发布"),
            ("抖音", "抖音", "视界"), ("今日头条", "今日头条", "资讯"), ("公示栏", "公示栏", nil),
        ]
        let count = 1 + random.below(4)
        var chosen: [Channel] = []
        var indices = Array(pool.indices)
        for _ in 0..<count {
            let index = indices.remove(at: random.below(indices.count))
            let (channel, word, suffix) = pool[index]
            let base = Double(channel == "政府网站" ? 150 : 400) * scale
            let items = (base * (0.75 + Double(random.below(50)) / 100)).rounded()
            chosen.append(Channel(channel: channel, word: word, account: suffix.map { "示范" + $0 }, items: items))
        }
        return chosen.sorted { ($0.channel == "政府网站" ? 0 : 1) < ($1.channel == "政府网站" ? 0 : 1) }
    }

    mutating func narrative(year: Int, body: Body, channels: [Channel], total: Double, requests: Double, feeYuan: Double = 0) -> [NarrativeSection] {
        func count(_ value: Double) -> String { NumberFormatting.plain(value) }
        func mention(_ channel: Channel) -> String {
            let name = channel.account.map { "“\($0)”" } ?? ""
            switch random.below(3) {
            case 0: return "\(channel.word)\(name)\(count(channel.items))条"
            case 1: return "\(channel.word)\(name)公开\(count(channel.items))条"
            default: return "通过\(channel.word)\(name)发布信息\(count(channel.items))条"
            }
        }
        let mentions = channels.map(mention).joined(separator: "，")
        let active: String
        switch random.below(3) {
        case 0: active = "\(year)年累计主动公开政府信息合计\(count(total))条。其中\(mentions)。"
        case 1: active = "本年度共主动公开政府信息\(count(total))条，其中\(mentions)。"
        default: active = "全年主动公开政府信息\(count(total))条。其中\(mentions)。"
        }
        let requestSentence: String
        if requests == 0 {
            requestSentence = random.below(2) == 0 ? "本年度未收到政府信息公开申请。" : "\(year)年度我单位未收到公民、法人或其他组织提出的政府信息公开申请。"
        } else {
            requestSentence = random.below(2) == 0 ? "全年共收到政府信息公开申请\(count(requests))件，均在法定期限内答复。"
                : "\(year)年度共接到\(count(requests))次群众主动要求公开政府信息的申请。"
        }
        let overview = """
        本报告为gongkai生成的合成样例，机关与数字均为虚构，仅供演示。本报告中所列数据的统计期限为\(year)年1月1日至\(year)年12月31日。
        （一）主动公开。\(active)
        （二）依申请公开。\(requestSentence)
        （三）政府信息管理。\(body.name)按要求做好政府信息公开审查与发布工作。
        """
        return [
            NarrativeSection(section: 1, heading: "一、总体情况", body: overview),
            NarrativeSection(section: 2, heading: "二、主动公开政府信息情况", body: ""),
            NarrativeSection(section: 3, heading: "三、收到和处理政府信息公开申请情况", body: ""),
            NarrativeSection(section: 4, heading: "四、政府信息公开行政复议、行政诉讼情况", body: ""),
            NarrativeSection(section: 5, heading: "五、存在的主要问题及改进情况", body: "信息发布的及时性仍需提高，下一步将加强培训。"),
            NarrativeSection(section: 6, heading: "六、其他需要报告的事项",
                             body: feeYuan > 0 ? "本年度收取政府信息公开信息处理费\(count(feeYuan.rounded()))元。" : "本年度未收取政府信息公开信息处理费。"),
        ]
    }
}
