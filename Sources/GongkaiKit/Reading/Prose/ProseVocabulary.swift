/// The words the prose grammar is made of (docs/reader.md §5 lists them and the patterns they make). One
/// home for each list: the phrase grammar (`FigurePhrase`) and the request grammar (`RequestClause`) ask
/// here. All words are in folded form (`MatchKey.fold`: full-width punctuation half-width, traditional
/// characters simplified).
enum ProseVocabulary {
    /// Verbs that put items out. The last verb before a count is the count's verb.
    static let publishVerbs = ["主动公开", "公开", "发布", "推送", "公布", "更新", "公示", "发送", "刊发", "刊登", "推出", "上传", "编发", "播发"]

    /// Verbs after which a count is not of items the body published: sent upward, issued as documents,
    /// handled, organised, hung up.
    static let otherVerbs = ["报送", "上报", "制发", "印发", "办理", "受理", "答复", "回复", "采用", "转发", "转载", "开展", "组织",
                             "召开", "举办", "培训", "审查", "自查", "检查", "张贴", "发放", "悬挂", "接听", "撤销", "收到",
                             "接到", "处理", "解答", "征集", "录入", "归档", "清理", "制作", "编印", "印制", "排查", "整改"]

    /// The phrase counts something else wherever these stand in it: reads, followers, hotlines, requests,
    /// appeals, items sent upward, historical totals.
    static let otherTopics = ["阅读", "浏览", "访问", "点击", "关注", "粉丝", "订阅", "用户", "历年", "累计总数", "12345", "热线",
                              "信箱", "报送", "上报", "投诉", "复议", "诉讼", "申请", "来电", "工单", "诉求", "咨询", "留言",
                              "予以公开", "不予公开", "部分公开", "答复件", "办结"]

    /// An object (what was counted) that is not items published: documents, articles about the body,
    /// meetings, posters, decisions.
    static let otherObjects = ["公文", "文件", "规章", "稿件", "报道", "会议", "海报", "标语", "手册", "宣传单", "单页", "作品",
                               "许可", "处罚", "强制", "决定", "案件", "账号", "栏目", "解读", "建议", "提案", "答复", "回复",
                               "短信", "人次", "场次", "活动", "期刊"]

    /// Objects that are just "items": a count of these through a channel is that channel's count.
    static let genericObjects = ["政府信息", "政务信息", "信息", "内容", "条目", "消息", "文章", "推文", "视频", "资讯"]

    /// Objects that are items but cannot make a 主动公开 total on their own (a count of videos or tweets
    /// is a channel's count).
    static let channelOnlyObjects = ["推文", "视频", "文章"]

    /// The phrase says it gives the whole (a bare 共 too, not the 共 of 公共).
    static let wholeMarkers = ["共计", "合计", "累计", "总计", "全部", "各类"]

    /// The phrase says it gives the year's figure: with no channel named, that is the total too.
    static let yearMarkers = ["全年", "年度", "本年"]

    /// Stripped from the object before its head is looked at.
    static let objectFillers = ["共计", "合计", "累计", "总计", "数量", "总数", "条数", "共", "达", "约", "计", "了", "为", "数",
                                "等", "的", "各类", "各项", "相关", "有关", "方面", "主动"]

    /// From here on the sentence breaks down what came before.
    static let breakdownMarkers = ["其中", "包括", "具体为", "具体是", "分别为", "分别是", "涵盖", "主要有", "主要类别", "类别有", "含"]

    /// Words that open a channel phrase (`通过X`, `在X`, `依托X`): the site name runs from here to the channel word.
    static let framePrepositions = ["通过", "依托", "利用", "借助", "运用", "发挥", "在", "于", "经"]

    /// Words that say several channels together (`通过多种渠道`, `…等平台`).
    static let severalChannelWords = ["多种渠道", "不同渠道", "多渠道", "各渠道", "各类平台", "多个平台", "多平台", "各平台", "多种方式",
                                      "多种形式", "线上线下", "各级"]

    /// Units of items published; 次/期 count items only when what was put out is items (`ProseCount.isRepeats`).
    static let itemUnits = ["条次", "条", "篇", "件", "则"]

    /// Units a count of anything has; a number with one of these ends the phrase before it.
    static let countUnits = ["条次", "件次", "人次", "条", "篇", "期", "次", "件", "例", "则", "项", "宗", "份", "个", "名", "人", "家", "处", "台"]

    /// Before a number: the writer gives a floor or a rough figure (`超2800篇`, `近300条`).
    static let approximatePrefixes: Set<Character> = ["超", "近", "约", "逾"]

    /// Site names are cut at these: generic words that do not name a site.
    static let genericSiteWords = ["人民政府", "政府", "本级", "官方", "全县", "全区", "全市", "全镇", "全乡", "各级", "本", "我",
                                   "镇", "乡", "区", "县", "市", "省", "街道", "主要", "积极", "及时", "充分", "上", "的", "园区", "信息", "政务", "线上", "线下"]
}
