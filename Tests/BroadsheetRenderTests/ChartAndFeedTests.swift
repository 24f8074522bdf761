import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Overview chart and feeds")
struct ChartAndFeedTests {
    static func article(_ slug: String, _ date: ArticleDate?, _ topics: [String]) -> Article {
        var a = Article(title: "标题\(slug)", date: date, source: "s.txt", body: [.paragraph("正文。")], topics: topics)
        a.slug = slug
        return a
    }

    static let sample = [
        article("a", ArticleDate(year: 2024, month: 11, day: 3), ["employment"]),
        article("b", ArticleDate(year: 2024, month: 11, day: 9), ["employment", "ecology"]),
        article("c", ArticleDate(year: 2025, month: 2, day: 1), ["ecology"]),
        article("d", ArticleDate(year: nil, month: 5, day: 1), ["ecology"]),
        article("e", nil, ["rural-revitalization"]),
    ]

    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test("monthly counts cover every month from first to last, empty months as zero")
    func monthlyCounts() {
        let counts = MonthlyCounts(articles: Self.sample, topics: CorpusFixture.config.topics)
        #expect(counts.months.map(\.shortLabel) == ["2024.11", "2024.12", "2025.01", "2025.02"])
        #expect(counts.series.map(\.counts) == [[2, 0, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]])
        #expect(counts.undated == 2)
    }

    @Test("the chart is well-formed SVG with a title, a description and one bar per non-empty month")
    func chartSVG() {
        let svg = MonthlyChart().svg(MonthlyCounts(articles: Self.sample, topics: CorpusFixture.config.topics))
        #expect(Self.isWellFormedXML(svg))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\""))
        #expect(svg.contains("<title id=\"chart-title\">"))
        #expect(svg.contains("就业共2篇，生态环境共2篇，乡村振兴共0篇。另有2篇年份不详，未计入。"))
        #expect(svg.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
        #expect(!svg.contains("<script"))
    }

    @Test("the overview page carries the chart and a table with the same numbers")
    func overviewPage() throws {
        let html = String(decoding: try #require(try CorpusFixture.renderSite(Self.sample)["overview.html"]), as: UTF8.self)
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("<tr><th scope=\"row\">2024年11月</th><td>2</td><td>1</td><td>0</td></tr>"))
        #expect(!html.contains("2024年12月</th>"))
    }

    @Test("feeds are well-formed Atom with only fully dated entries and tag: ids when no base URL is set")
    func feeds() throws {
        let files = try CorpusFixture.renderSite(Self.sample)
        let site = String(decoding: try #require(files["feed.xml"]), as: UTF8.self)
        #expect(Self.isWellFormedXML(site))
        #expect(site.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(site.components(separatedBy: "<entry").count - 1 == 3)
        #expect(site.contains("<updated>2025-02-01T00:00:00+08:00</updated>"))
        #expect(site.contains("<id>tag:broadsheet.invalid,2025:articles/c.html</id>"))
        #expect(site.contains("href=\"articles/c.html\""))
        let topic = String(decoding: try #require(files["topics/ecology/feed.xml"]), as: UTF8.self)
        #expect(Self.isWellFormedXML(topic))
        #expect(topic.contains("href=\"../../articles/b.html\""))
        #expect(topic.components(separatedBy: "<entry").count - 1 == 2)
    }

    @Test("the same articles in any order render byte-identical sites")
    func siteIsDeterministic() throws {
        let articles = try CorpusFixture.articles()
        let first = try CorpusFixture.renderSite(articles)
        let second = try CorpusFixture.renderSite(articles.reversed())
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs") }
    }
}
