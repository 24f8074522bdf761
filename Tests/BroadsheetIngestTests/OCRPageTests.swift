import BroadsheetIngest
import BroadsheetModel
import Testing

@Suite("OCR pages: reflow, segmentation, headline matching")
struct OCRPageTests {
    @Test("headlines gathered at the page end are matched to their bodies by wording")
    func gatheredHeadlines() throws {
        let result = try FixtureLoader.ingest("forms/ocr-gathered-headlines.txt")
        let titles = result.articles.map(\.title)
        #expect(titles.count == 3)
        let planting = try #require(result.articles.first)
        #expect(planting.kicker == "全县春季植树造林动员会召开" || planting.title == "全县春季植树造林动员会召开")
        #expect([planting.title, planting.subtitle, planting.kicker].contains("科学规划造林地块 确保完成年度任务"))
        // Letter-spaced headline is de-spaced and goes to the job-fair story.
        #expect(result.articles[1].title == "县人社局举办春风行动招聘会")
        #expect(result.articles[1].authors == [Author(name: "赵红", role: "记者"), Author(name: "钱亮", role: "通讯员")])
    }

    @Test("a blank line is a paragraph break only where a sentence ended")
    func reflowAcrossColumnBreaks() throws {
        let result = try FixtureLoader.ingest("forms/ocr-gathered-headlines.txt")
        let planting = try #require(result.articles.first)
        #expect(planting.paragraphs == [
            "本报讯（记者王小明）3月5日，全县春季植树造林动员会召开，部署今年国土绿化工作。副县长李强出席会议并讲话。",
            "会议要求，各乡镇要抓住春季造林有利时机，科学规划造林地块，确保完成全年造林任务。",
        ])
        #expect(planting.date == ArticleDate(year: nil, month: 3, day: 5))
        #expect(result.diagnostics.contains { $0.code == "ingest.year-unknown" && $0.line == 1 })
    }

    @Test("a caption standing among headlines becomes a photo item with a written title")
    func photoItem() throws {
        let result = try FixtureLoader.ingest("forms/ocr-gathered-headlines.txt")
        let photo = try #require(result.articles.last)
        #expect(photo.titleGenerated)
        #expect(photo.title == "村民在县城广场选购农资")
        #expect(photo.body == [.figure(caption: "村民在县城广场选购农资。", credit: "孙丽")])
        #expect(photo.photoCredits == ["孙丽"])
        #expect(photo.paragraphs.isEmpty)
    }

    @Test("a headline block after its body gives title, deck, byline and column; a wrapped title is rejoined")
    func headlineAfterBody() throws {
        let result = try FixtureLoader.ingest("forms/ocr-headline-after-body.txt")
        #expect(result.articles.count == 2)
        let feature = try #require(result.articles.first)
        #expect(feature.title == "就业形势总体稳定")
        #expect(feature.subtitle == "我省千方百计稳就业纪实")
        #expect(feature.column == "记者观察")
        #expect(feature.authors.map(\.name) == ["王龙飞", "李佳"])
        #expect(feature.body.contains(.heading(level: 2, text: "开发区示范引领作用持续彰显")))
        #expect(feature.paragraphs.contains("省人社厅厅长张华说：“我们全力推动重点群体就业，拓宽就业渠道。”"))
        let news = result.articles[1]
        #expect(news.kicker == "全省12315机构")
        #expect(news.title == "9月份为消费者挽回经济损失577.74万元")
        #expect(news.jumps == ["下转第2版"])
        #expect(news.dateline == Dateline(source: "本报", place: "太原"))
        #expect(news.paragraphs.last?.hasSuffix("其中，服务类投诉占比下降。") == true)
    }

    @Test("layout spaces go between CJK and digits; spaces between Latin words stay")
    func layoutSpaces() throws {
        let result = try FixtureLoader.ingest("forms/ocr-layout-spaces.txt")
        let text = try #require(result.articles.first?.paragraphs.first)
        #expect(text.contains("达到5921万人，10月17日上午，省委宣传部召开发布会。"))
        #expect(text.contains("Open Source软件社区参与。"))
        #expect(!text.contains("\n"))
    }
}

@Suite("OCR pages: photos inside a story")
struct OCRCaptionTests {
    @Test("a caption between paragraphs becomes a figure in place, not a paragraph or a separate item")
    func captionInBody() throws {
        let result = try FixtureLoader.ingest("forms/ocr-caption-in-body.txt")
        #expect(result.articles.count == 1)
        let article = try #require(result.articles.first)
        #expect(article.body == [
            .paragraph("本报讯（记者李华）3月8日，全县妇女创业就业技能培训班开班，100余名妇女参加培训。"),
            .figure(caption: "培训现场，学员们认真学习手工编织技艺。", credit: "王佳丽"),
            .paragraph("培训班为期10天，设置手工编织、电商运营等课程，帮助妇女实现家门口就业。"),
        ])
        #expect(article.photoCredits == ["王佳丽"])
        #expect(article.titleGenerated)
        #expect(article.title == "全县妇女创业就业技能培训班开班")
    }
}

@Suite("OCR pages: numbered section heads")
struct OCRNumberedHeadTests {
    @Test("numbered heads inside a story become headings even when glued to the next line")
    func numberedHeads() throws {
        let result = try FixtureLoader.ingest("forms/ocr-numbered-heads.txt")
        let article = try #require(result.articles.first)
        #expect(result.articles.count == 1)
        #expect(article.body.filter { if case .heading = $0 { return true } else { return false } } == [
            .heading(level: 2, text: "（一）坚持稳就业促增收"), .heading(level: 2, text: "（二）强化技能培训"),
        ])
        try #require(article.paragraphs.count == 3)
        #expect(article.paragraphs[1] == "会议要求，要落实落细各项稳岗政策，确保重点群体就业稳定。")
    }
}
