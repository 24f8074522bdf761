import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

@Suite("Article pages")
struct ArticlePageTests {
    static func page(_ slug: String, in files: [String: Data]) -> String {
        String(decoding: files["articles/\(slug).html"] ?? Data(), as: UTF8.self)
    }

    @Test("a traditional article is marked zh-Hant inside a zh-CN page; a simplified one is not")
    func traditionalLang() throws {
        let articles = try CorpusFixture.articles()
        let files = try CorpusFixture.renderSite(articles)
        let traditional = try #require(articles.first { $0.script == .traditional })
        let simplified = try #require(articles.first { $0.script == .simplified })
        let hant = Self.page(traditional.slug, in: files)
        #expect(hant.contains("<html lang=\"zh-CN\">"))
        #expect(hant.contains("<article class=\"story\" lang=\"zh-Hant\">"))
        #expect(!Self.page(simplified.slug, in: files).contains("zh-Hant\">"))
    }

    @Test("the article page shows kicker, title, subtitle, date, source, authors, topics, body and Markdown link")
    func articleParts() throws {
        var article = Article(title: "稳岗扩岗促就业", kicker: "人社部门——", subtitle: "——一季度新增就业三万人",
                              date: ArticleDate(year: 2025, month: 3, day: 9), source: "seed.txt",
                              dateline: Dateline(source: "本报", place: "太原"),
                              authors: [Author(name: "王龙飞", role: "记者"), Author(name: "王佳丽", role: "记者")],
                              page: "03", body: [.paragraph("本报太原3月9日讯 一季度全省新增就业三万人。"), .heading(level: 2, text: "技能培训"),
                                                 .figure(caption: "学员在实训车间练习焊接。", credit: "本报记者 李明 摄")],
                              topics: ["employment"])
        article.slug = "seed-01"
        let html = Self.page("seed-01", in: try CorpusFixture.renderSite([article]))
        #expect(html.contains("<p class=\"kicker\">人社部门——</p>"))
        #expect(html.contains("<h1 class=\"story-title\">稳岗扩岗促就业</h1>"))
        #expect(html.contains("<p class=\"subtitle\">——一季度新增就业三万人</p>"))
        #expect(html.contains("<time datetime=\"2025-03-09\">2025年3月9日</time>"))
        #expect(html.contains("本报太原 · 第03版"))
        #expect(html.contains("记者 王龙飞 王佳丽"))
        #expect(html.contains("href=\"../topics/employment/index.html\""))
        #expect(html.contains("<h2>技能培训</h2>"))
        #expect(html.contains("<figure class=\"photo\"><figcaption>"))
        #expect(html.contains("<p>本报记者 李明 摄</p>"))
        #expect(html.contains("href=\"../articles/seed-01.md\""))
    }

    @Test("an article with a month and day but no year says so and gets a yearless datetime")
    func yearlessDate() throws {
        var article = Article(title: "无年份", date: ArticleDate(year: nil, month: 9, day: 25), source: "s.txt", body: [.paragraph("正文。")])
        article.slug = "x-01"
        let files = try CorpusFixture.renderSite([article])
        let html = Self.page("x-01", in: files)
        #expect(html.contains("<time datetime=\"09-25\">9月25日</time>"))
        #expect(html.contains("年份不详"))
        let archive = String(decoding: files["archive.html"]!, as: UTF8.self)
        #expect(archive.contains("id=\"year-unknown\""))
    }

    @Test("previous and next link to the neighbours within the topic's newest-first list")
    func neighbours() throws {
        let articles = (1...3).map { day -> Article in
            var a = Article(title: "第\(day)篇", date: ArticleDate(year: 2024, month: 5, day: day), source: "s.txt",
                            body: [.paragraph("生态保护。")], topics: ["ecology"])
            a.slug = "d\(day)"
            return a
        }
        let html = Self.page("d2", in: try CorpusFixture.renderSite(articles))
        #expect(html.contains("<a href=\"../articles/d3.html\" rel=\"prev\">"))
        #expect(html.contains("<a href=\"../articles/d1.html\" rel=\"next\">"))
    }

    @Test("a photo quote in Markdown becomes a figure with its caption; other quotes stay quotes")
    func figureFromMarkdown() {
        let html = CommonMark.html(from: "> 📷 群众在广场观看演出。\n>\n> 张三 摄\n\n> 引文一段。\n")
        #expect(html.contains("<figure class=\"photo\"><figcaption>\n<p>群众在广场观看演出。</p>\n<p>张三 摄</p>\n</figcaption></figure>"))
        #expect(html.contains("<blockquote>\n<p>引文一段。</p>\n</blockquote>"))
        #expect(!html.contains("📷"))
    }
}

@Suite("Edge cases")
struct EdgeCaseTests {
    @Test("a site without articles still writes every page, each topic's first page included")
    func emptySite() throws {
        let files = try CorpusFixture.renderSite([])
        for path in ["index.html", "overview.html", "archive.html", "search.html", "404.html", "feed.xml",
                     "topics/employment/index.html", "topics/ecology/feed.xml"] {
            #expect(files[path] != nil, "\(path) missing")
        }
        #expect(String(decoding: files["overview.html"]!, as: UTF8.self).contains("还没有日期完整的文章"))
    }

    @Test("markup in titles and text is escaped on pages and in feeds")
    func escaping() throws {
        var article = Article(title: "<script>alert(1)</script> & “引号”", date: ArticleDate(year: 2024, month: 1, day: 2),
                              source: "s.txt", body: [.paragraph("正文<b>粗</b>。")], topics: ["ecology"])
        article.slug = "x"
        let files = try CorpusFixture.renderSite([article])
        let html = String(decoding: files["articles/x.html"]!, as: UTF8.self)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”"))
        #expect(!html.contains("<b>粗</b>"))
        let feed = String(decoding: files["topics/ecology/feed.xml"]!, as: UTF8.self)
        #expect(feed.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”</title>"))
    }
}
