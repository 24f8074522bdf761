import BroadsheetIngest
import BroadsheetModel
import Testing

@Suite("Web pages, Markdown exports, front matter")
struct WebAndMarkdownTests {
    @Test("web page: page label, kicker, section heads, captions as figures, names, chrome and HTML removed")
    func webPage() throws {
        let result = try FixtureLoader.ingest("forms/web-chrome.txt")
        #expect(result.articles.count == 1)
        let article = try #require(result.articles.first)
        #expect(article.page == "03")
        #expect(article.kicker == "全省干部群众认真学习会议精神")
        #expect(article.title == "加大保障和改善民生力度 持续增进民生福祉")
        #expect(article.body.contains(.heading(level: 2, text: "坚持稳就业促增收")))
        #expect(article.body.contains(.figure(caption: "会议会场。", credit: "王佳丽")))
        #expect(article.authors.map(\.name) == ["刘云峰", "李林霞", "王秀娟"])
        let text = article.plainText
        for chrome in ["分享到", "过往期刊", "第2025-01-03期", "</span>", "第03版"] {
            #expect(!text.contains(chrome))
        }
        #expect(article.paragraphs.last == "高校毕业生就业牵动着千家万户。各地多措并举促进就业。")
    }

    @Test("traditional page: pinyin stripped, title written from the lead, damage kept and reported, script traditional")
    func traditionalDamaged() throws {
        let result = try FixtureLoader.ingest("forms/web-traditional-damaged.txt")
        let article = try #require(result.articles.first)
        #expect(article.title == "全市穩就業工作推進會召開")
        #expect(article.titleGenerated)
        #expect(article.script == .traditional)
        #expect(article.date == ArticleDate(year: nil, month: 5, day: 20))
        #expect(article.paragraphs.first?.hasPrefix("5月20日,全市穩就業工作推進會召開。") == true)
        #expect(!article.plainText.contains("(wěn)"))
        #expect(article.plainText.contains("新?lián)敗"))
        #expect(!article.plainText.contains("責任編輯"))
        #expect(article.authors.map(\.name) == ["張曄"])
        #expect(article.paragraphs.last == "會上,各部門負責同志依次作交流發言。")
        #expect(article.body.filter { if case .figure = $0 { return true } else { return false } }.count == 2)
        let damage = result.diagnostics.filter { $0.code == "ingest.lost-characters" }
        #expect(damage.map(\.line) == [2, 6])
        #expect(damage.allSatisfy { $0.file == "web-traditional-damaged.txt" && $0.severity == .warning })
    }

    @Test("Markdown export: deck and date from the sub-heading, continuation moved and joined, duplicates dropped")
    func markdownExport() throws {
        let result = try FixtureLoader.ingest("forms/markdown-export.txt")
        #expect(result.articles.map(\.title) == ["工作报告", "工会工作综述"])
        let report = result.articles[0], union = result.articles[1]
        #expect(report.subtitle == "2024年3月27日在市人民代表大会上")
        #expect(report.date == ArticleDate(year: 2024, month: 3, day: 27))
        #expect(report.jumps == ["上接第二版"])
        #expect(report.body.first == .heading(level: 3, text: "(六)推进生态文明建设"))
        #expect(report.paragraphs.first == "深化污染防治。以严控PM2.5为重点,加强工业污染治理,实施秋冬季大气污染防治,推进农业节水增效、实现用水方式向节约集约转变。")
        #expect(union.paragraphs == [
            "全市工会持续开展宣讲活动,反响热烈。",
            "竭诚服务职工群众,是工会一切工作的出发点和落脚点。",
            "市总工会筹措资金164万元,其中中央财政资金65万元用于帮扶困难职工。",
            "这一年,市总工会在全省率先建立维护劳动领域政治安全部门联动机制,职工队伍保持稳定。",
        ])
        #expect(union.date == nil)
    }

    @Test("front-matter Markdown is taken as written and its topics override classification")
    func frontMatter() throws {
        let result = try FixtureLoader.ingest("forms/edited.md")
        let article = try #require(result.articles.first)
        #expect(article.title == "编辑修订过的文章")
        #expect(article.subtitle == "副题")
        #expect(article.date == ArticleDate(year: 2024, month: 5, day: 20))
        #expect(article.topics == ["employment"])
        #expect(article.topicsOverridden)
        #expect(article.authors.map(\.name) == ["张三"])
        #expect(article.body == [.markdown("第一段文字，**保持原样**。"), .heading(level: 2, text: "小标题"), .markdown("第二段文字。")])
    }
}

@Suite("Web pages: site metadata")
struct WebMetadataTests {
    @Test("breadcrumbs, font switches and print links go; the metadata line's publication date gives the year")
    func metadata() throws {
        let result = try FixtureLoader.ingest("forms/web-metadata.txt")
        #expect(result.articles.count == 1)
        let article = try #require(result.articles.first)
        #expect(article.title == "全市稳就业工作推进会召开")
        #expect(!article.titleGenerated)
        #expect(article.date == ArticleDate(year: 2022, month: 5, day: 20))
        #expect(article.paragraphs == ["5月20日，全市稳就业工作推进会召开。市委书记朱晓东出席会议并讲话。", "会议强调，要坚决扛起稳就业、保就业的政治责任。"])
        #expect(!result.diagnostics.contains { $0.code == "ingest.year-unknown" })
    }
}

@Suite("Markdown exports: cut-off text")
struct TruncationTests {
    @Test("a document that stops on a comma is reported with its line")
    func truncated() throws {
        let result = try FixtureLoader.ingest("seeds/002_e75e043d3f4bed66.txt")
        let warning = try #require(result.diagnostics.first { $0.code == "ingest.truncated" })
        #expect(warning.line == 125)
        #expect(warning.severity == .warning)
    }
}
