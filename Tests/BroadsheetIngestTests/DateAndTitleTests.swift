import BroadsheetModel
import Testing
@testable import BroadsheetIngest

@Suite("Years and written titles")
struct DateAndTitleTests {
    let config = SiteConfig(title: "t", topics: [])

    @Test("a year stated for the event in the lead gives the year")
    func leadYear() {
        let lead = "本报讯（记者张志远）9月24日，忻州市2025年高校毕业生等青年就业服务专项行动启动。"
        #expect(YearResolver.year(month: 9, day: 24, text: lead, lead: lead, path: "a.txt", config: config)?.0 == 2025)
    }

    @Test("a past year (2022年以来), a range or two different years give no year")
    func noYear() {
        for lead in ["2022年以来，该市累计开展活动990场。", "2023—2024年，园区累计入驻企业68家。", "2022年和2023年，我省实际使用外资增长。"] {
            #expect(YearResolver.year(month: 10, day: 17, text: lead, lead: lead, path: "a.txt", config: config) == nil)
        }
    }

    @Test("a full date matching the month and day anywhere in the text gives its year")
    func fullDate() {
        let text = "会议于2024年3月27日召开。"
        #expect(YearResolver.year(month: 3, day: 27, text: text, lead: "", path: "a.txt", config: config)?.0 == 2024)
    }

    @Test("the file name's date, then the configuration, supply the year")
    func fileNameAndConfig() {
        #expect(YearResolver.year(month: 1, day: 31, text: "", lead: "", path: "20190201-01-02.txt", config: config)?.0 == 2019)
        let configured = SiteConfig(title: "t", topics: [], years: ["xinzhou/": 2025])
        #expect(YearResolver.year(month: 9, day: 26, text: "", lead: "", path: "xinzhou/page1.txt", config: configured)?.0 == 2025)
        #expect(YearResolver.year(month: 9, day: 26, text: "", lead: "", path: "other/page1.txt", config: configured) == nil)
    }

    @Test("a written title drops dateline and date phrase and keeps the first sentence or clause", arguments: [
        ("5月20日,全市穩(wěn)就業工作推進會召開。市委書記出席。", "全市穩(wěn)就業工作推進會召開"),
        ("本报讯（记者乔龙飞）9月26日，全市学习运用“千万工程”经验推进乡村全面振兴暨巩固衔接重点工作推进会召开，对全市乡村振兴和巩固衔接工作进行集中调度、专门部署。",
         "全市学习运用“千万工程”经验推进乡村全面振兴暨巩固衔接重点工作推进会召开"),
        ("近日，“庆农业丰收，享美好生活”活动在代县举行。", "“庆农业丰收，享美好生活”活动在代县举行"),
    ])
    func writtenTitle(lead: String, title: String) {
        #expect(TitleWriter.title(fromLead: lead) == title)
    }

    @Test("a title's bracketed column label goes to the column; part numbers stay")
    func titleColumn() {
        #expect(TitleColumn.split("让公众感受历史的魅力（人民论坛）") == ("让公众感受历史的魅力", "人民论坛"))
        #expect(TitleColumn.split("中国冰雪扎实备战北京冬奥会（下）").column == nil)
        #expect(TitleColumn.split("在二〇一九年春节团拜会上的讲话").column == nil)
    }

    @Test("headline spacing: letter-spaced titles close up, clause spaces stay, digit spaces go")
    func headlineSpaces() {
        #expect(LayoutSpaces.headline("市 政 府 召 开 第 64 次 常 务 会 议") == "市政府召开第64次常务会议")
        #expect(LayoutSpaces.headline("把脉行业痛点 对接供应链条") == "把脉行业痛点 对接供应链条")
        #expect(LayoutSpaces.headline("少“造景” 多“造福”") == "少“造景” 多“造福”")
        #expect(LayoutSpaces.headline("达到 5921 万人") == "达到5921万人")
    }
}
