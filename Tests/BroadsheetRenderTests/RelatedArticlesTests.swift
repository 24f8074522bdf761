import BroadsheetModel
import Foundation
import BroadsheetRender
import Testing

@Suite("Related articles")
struct RelatedArticlesTests {
    @Test("the same articles in any input order give the same related lists")
    func deterministic() throws {
        let articles = try CorpusFixture.articles()
        let expected = RelatedArticles().related(in: ArticleOrder.sorted(articles))
        for _ in 0..<3 {
            #expect(RelatedArticles().related(in: ArticleOrder.sorted(articles.shuffled())) == expected)
        }
    }

    @Test("related lists hold at most five other articles, never the article itself")
    func bounded() throws {
        let related = RelatedArticles().related(in: try CorpusFixture.articles())
        for (slug, list) in related {
            #expect(list.count <= 5)
            #expect(!list.contains(slug))
            #expect(Set(list).count == list.count)
        }
        // Real news shares vocabulary: nearly every article finds at least three neighbours.
        #expect(related.values.filter { $0.count >= 3 }.count * 10 >= related.count * 9)
    }

    @Test("the article sharing the rarest vocabulary ranks first")
    func ranksBySharedVocabulary() {
        func article(_ slug: String, _ title: String, _ lead: String) -> Article {
            var a = Article(title: title, source: "s.txt", body: [.paragraph(lead)])
            a.slug = slug
            return a
        }
        let fillers = (0..<40).map { article("f\($0)", "其他新闻\($0)号", "今天天气很好，市民出行。") }
        let articles = [
            article("a", "零工市场帮助灵活就业", "零工市场开张，灵活就业人员找到岗位。"),
            article("b", "零工市场开进社区", "社区零工市场让灵活就业更方便。"),
            article("c", "春季植树造林", "市民参加植树造林活动。"),
        ] + fillers
        let related = RelatedArticles().related(in: articles)
        #expect(related["a"]?.first == "b")
        #expect(related["b"]?.first == "a")
        #expect(!(related["a"] ?? []).contains("c"))
    }
}

@Suite("Related articles against scoring every pair")
struct RelatedArticlesExactnessTests {
    /// The definition, pair by pair: weighted shared bigrams over the geometric mean of weights.
    static func reference(_ articles: [Article], maximum: Int = 5, commonShare: Double = 0.1) -> [[Int]] {
        let sets = articles.map(RelatedArticles.bigrams)
        var df: [String: Int] = [:]
        for set in sets { for bigram in set { df[bigram, default: 0] += 1 } }
        let limit = max(10, Int(Double(articles.count) * commonShare))
        func weight(_ bigram: String) -> Double {
            let count = df[bigram]!
            return count > 1 && count <= limit ? log(Double(articles.count) / Double(count)) + 1 : 0
        }
        let norms = sets.map { $0.sorted().reduce(0.0) { $0 + weight($1) } }
        return articles.indices.map { i in
            var scored: [(Int, Double)] = []
            for j in articles.indices where j != i {
                let shared = sets[i].intersection(sets[j]).sorted().reduce(0.0) { $0 + weight($1) }
                let denominator = (norms[i] * norms[j]).squareRoot()
                guard shared > 0, denominator > 0 else { continue }
                scored.append((j, shared / denominator))
            }
            scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : ArticleOrder.newerFirst(articles[$0.0], articles[$1.0]) }
            return scored.prefix(maximum).map(\.0)
        }
    }

    @Test("the pruned search finds exactly the lists that scoring every pair gives")
    func sameAsEveryPair() throws {
        let articles = try CorpusFixture.articles()
        #expect(RelatedArticles().relatedIndices(in: articles) == Self.reference(articles))
        // A narrow walk limit still gives at most five distinct others per article.
        var narrow = RelatedArticles()
        narrow.walkLimit = 2
        for (index, list) in narrow.relatedIndices(in: articles).enumerated() {
            #expect(list.count <= 5 && !list.contains(index) && Set(list).count == list.count)
        }
    }
}
