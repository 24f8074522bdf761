import BroadsheetModel
import BroadsheetRender
import Testing

@Suite("Article dependency inputs")
struct ArticleInputsTests {
    static func inputs(_ articles: [Article]) throws -> [String: String] {
        let renderer = SiteRenderer(config: CorpusFixture.config, templates: try TemplateSet(directory: CorpusFixture.templates))
        let plan = renderer.prepare(articles: articles)
        var result: [String: String] = [:]
        for index in plan.ordered.indices { result[plan.ordered[index].slug] = renderer.articleInputs(at: index, plan) }
        return result
    }

    @Test("the same articles in any order give the same inputs per article")
    func deterministic() throws {
        let articles = try CorpusFixture.articles()
        #expect(try Self.inputs(articles) == Self.inputs(articles.shuffled()))
    }

    @Test("a change late in one article's body changes only that article's inputs")
    func bodyChangeIsLocal() throws {
        let articles = try CorpusFixture.articles()
        let before = try Self.inputs(articles)
        // A long article, edited in its last paragraph: beyond its excerpt and its related-article vocabulary.
        let target = try #require(articles.firstIndex { $0.paragraphs.count >= 4 && $0.paragraphs.joined().count > 400 })
        var edited = articles
        edited[target].body.append(.paragraph("（本文有补充。）"))
        let after = try Self.inputs(edited)
        let changed = before.keys.filter { before[$0] != after[$0] }
        #expect(changed == [articles[target].slug])
    }

    @Test("a changed title changes the inputs of the article and of the pages that list it")
    func titleChangeReachesNeighbours() throws {
        let articles = try CorpusFixture.articles()
        let before = try Self.inputs(articles)
        let target = try #require(articles.firstIndex { !$0.topics.isEmpty })
        var edited = articles
        edited[target].title += "（修订）"
        let after = try Self.inputs(edited)
        let changed = Set(before.keys.filter { before[$0] != after[$0] })
        #expect(changed.contains(articles[target].slug))
        // Its neighbours in its topics show its title in their newer/older links.
        #expect(changed.count > 1)
    }
}
