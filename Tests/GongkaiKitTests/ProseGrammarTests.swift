import Testing
@testable import GongkaiKit

/// The clause grammar of section 一's figures (docs/reader.md §5), class by class: what a careless reader
/// takes for the 主动公开 total and must not, totals and channels in the wordings seen on real reports, and
/// requests in other words. Sentences are written in the shapes seen, with other names and numbers.
struct ProseGrammarTests {
    func scan(_ text: String) -> ProseScanner {
        var scanner = ProseScanner()
        scanner.scan(text)
        scanner.finish()
        return scanner
    }

    func channels(_ scanner: ProseScanner) -> [String] {
        scanner.channels.map { "\($0.channel)|\($0.account ?? "")|\(NumberFormatting.plain($0.items))" }
    }

    // MARK: never a total

    @Test(arguments: [
        "其中行政法规、规章和规范性文件3条，机构职能信息5条，其他应主动公开的政府信息9条。",
        "全年公开行政法规、规章和规范性文件3条，其他应主动公开的政府信息9条。",
        "全年共发布推文412篇。",
        "通过微信公众号共发布推文412篇，阅读量达12万次。",
        "全年制发公文215条，其中主动公开38条。",
        "政务微博粉丝数达12000人，全年累计阅读量35000次。",
        "公众号关注人数累计3600人。",
        "12345热线全年受理群众诉求283件。",
        "向市政府门户网站报送政务信息180条。",
        "全年共公开行政许可24件，行政处罚5件。",
        "主动公开《关于做好春耕工作的通知》《关于防汛工作的通知》2条。",
        "历年累计主动公开政府信息4000条。",
        "本年度召开政务公开工作会议3次，开展培训2期。",
        "全年主动公开政府信息100余条。",
        "全年公开财政预决算信息5条。",
    ])
    func categoryAndOtherCountsAreNeverTheTotal(sentence: String) {
        let scanner = scan(sentence)
        #expect(scanner.activeTotal.flatMap { $0.approximate ? nil : $0.value } == nil, "\(sentence)")
    }

    @Test func aCategoryListAfterTheTotalStaysOutOfIt() {
        let scanner = scan("2023年共主动公开政府信息132条，其中政策文件12条、工作动态88条、其他应主动公开的政府信息32条。")
        #expect(scanner.activeTotal?.value == 132)
        #expect(scanner.channels.isEmpty)
    }

    // MARK: totals

    @Test(arguments: [
        ("共在“东江区人民政府”门户网站公开政府信息214条。", 214.0),
        ("全年公开公文类政府信息共86条。", 86),
        ("通过政府门户网站全年主动公开各类政府信息8312条。", 8312),
        ("通过多种渠道累计主动公开政府信息424条，具体包括：", 424),
        ("积极主动地公开了各类政府信息，具体包括人事任免、财政预决算等方面的内容共计108条。", 108),
        ("2019年度完成政府信息公开301条。", 301),
        ("全区各部门累计主动公开信息13648条，其中政府网站2689条。", 13648),
        ("通过政府网站、公开专栏、电子屏等途径向社会公开各类政府信息328条次。", 328),
        ("全年通过区政府网站、“汉口北党员e家”微信公众号等平台主动对外发布信息91条。", 91),
        ("共向社会公开人事任免、财政预决算、价格和收费等信息6522条。", 6522),
    ])
    func totalsInTheWordingsSeen(sentence: String, total: Double) {
        #expect(scan(sentence).activeTotal?.value == total, "\(sentence)")
    }

    @Test func aWebsiteCountIsTheTotalOnlyWhenNoOtherChannelHasOne() {
        let alone = scan("2020年，我镇通过网站主动公开政府信息共81条。")
        #expect(alone.activeTotal?.value == 81)
        #expect(channels(alone) == ["政府网站||81"])
        let withWeChat = scan("2020年，我镇通过网站主动公开政府信息共81条。通过政务微信公众号“富美唐村”公开108条信息。")
        #expect(withWeChat.activeTotal == nil)
        #expect(channels(withWeChat) == ["政府网站||81", "微信公众号|富美唐村|108"])
    }

    // MARK: channels

    @Test(arguments: [
        ("通过青川县政府门户网站公开信息27条。", "政府网站|青川县政府门户网站|27"),
        ("在永嘉县政府信息公开网站上新增公开信息50条。", "政府网站|永嘉县政府信息公开网站|50"),
        ("“数字东城”网站发布信息436条。", "政府网站|数字东城|436"),
        ("通过“健康喀左”微信公众号发布136条信息。", "微信公众号|健康喀左|136"),
        ("微信公众号(秀美大五里)发布信息92条。", "微信公众号|秀美大五里|92"),
        ("“武山城关发布”视频号发布视频32条。", "微信视频号|武山城关发布|32"),
        ("今日头条号发布信息20条。", "今日头条||20"),
        ("快手平台发布短视频12条。", "快手||12"),
        ("小红书账号发布笔记信息5条。", "小红书||5"),
        ("利用公示栏公示乡村信息170条。", "公示栏||170"),
        ("在便民服务中心公开信息15条。", "便民服务中心||15"),
        ("政务公开专区公开信息10条。", "政务公开专区||10"),
        ("在县档案馆公开信息4条。", "档案馆||4"),
        ("村村响广播播发信息36条。", "广播电视||36"),
        ("通过区政府门户网站公开镇财政信息，1条。", "政府网站||1"),
        ("依托区政府门户网站，街道公开工作动态信息76条。", "政府网站||76"),
    ])
    func channelsAsWhatTheyAre(sentence: String, expected: String) {
        #expect(channels(scan(sentence)) == [expected], "\(sentence)")
    }

    @Test func mergedChannelsAndTheirParts() {
        let scanner = scan("官方“两微”平台全年发布信息672条。其中，微信公众号发布信息540条，微博发布信息132条。")
        #expect(channels(scanner) == ["微信公众号、微博||672", "微信公众号||540", "微博||132"])
        #expect(scanner.activeTotal == nil)
        let video = scan("在微信视频号、抖音号发布视频203条。")
        #expect(channels(video) == ["微信视频号、抖音||203"])
    }

    @Test func aChannelIsNotCountedAgainInsideItsOwnBreakdown() {
        let scanner = scan("政府网站发布信息118条，其中工作信息70条，栏目信息48条。“城关发布”公众号共发布信息294条。")
        #expect(channels(scanner) == ["政府网站||118", "微信公众号|城关发布|294"])
    }

    @Test func aChannelListedWithCategoriesIsACategory() {
        let scanner = scan("全年通过政务网站发布工作动态58条，公示公告15条，会议信息8条。")
        #expect(scanner.channels.isEmpty)
        #expect(scanner.activeTotal == nil)
    }

    @Test func aListAnnouncedByAColonGoesOnOverLines() {
        let scanner = scan("通过多种渠道累计主动公开政府信息424条，具体包括：\n政府网站：发布信息42条，涵盖工作动态等\n微信公众号：发布信息212条，及时推送镇内新闻")
        #expect(scanner.activeTotal?.value == 424)
        #expect(channels(scanner) == ["政府网站||42", "微信公众号||212"])
    }

    // MARK: ambiguity

    @Test func aCountWithNeitherChannelNorTotalIsNotTakenAndIsNamed() {
        let scanner = scan("按要求发布信息30条。")
        #expect(scanner.activeTotal == nil)
        #expect(scanner.channels.isEmpty)
        #expect(scanner.ambiguous == ["按要求发布信息30条"])
    }

    // MARK: requests

    @Test(arguments: [
        ("全年办理政府信息公开申请57件。", 57.0),
        ("本年度收到依申请公开事项0项。", 0),
        ("2023年度未接收到依申请公开。", 0),
        ("未接收到群众提出的政府信息公开申请。", 0),
        ("未收到公民提出的政府信息公开申请。", 0),
        ("受理依申请信息公开0件。", 0),
        ("共接到依申请公开办件0件。", 0),
        ("2023年我镇共收到申请公开政府信息5宗。", 5),
        ("区政府办公室共收到26份政府信息依申请公开件，其中申请人自行撤销2件。", 26),
        ("依申请公开3次，行政复议0次，行政诉讼0次。", 3),
        ("2024年依申请公开信息数为零。", 0),
        ("2022年度我乡无依法申请公开件。", 0),
        ("（二）依申请公开情况\n2022年我乡未接到相关申请。", 0),
    ])
    func requestsInOtherWords(sentence: String, value: Double) {
        #expect(scan(sentence).requestsReceived?.value == value, "\(sentence)")
    }

    @Test(arguments: [
        "依申请公开2089条。",
        "全年累计办理县政府依申请公开答复52件。",
        "全年未发生因依申请公开引发的行政复议或行政诉讼案件。",
        "门户网站县长信箱投诉件受理2件。",
        "12345热线受理群众申请事项283件。",
        "2020年，未收到公众申请要求公开的其它方面政府信息。",
    ])
    func notRequestsReceived(sentence: String) {
        #expect(scan(sentence).requestsReceived == nil, "\(sentence)")
    }
}
