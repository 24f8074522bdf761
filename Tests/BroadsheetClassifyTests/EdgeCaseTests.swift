import BroadsheetClassify
import BroadsheetModel
import BroadsheetText
import Foundation
import Testing

@Suite("Edge cases")
struct EdgeCaseTests {
    let classifier: TopicClassifier

    init() throws {
        classifier = try SiteTopics.classifier()
    }

    func scores(_ article: Article) -> [String: TopicExplanation] {
        Dictionary(uniqueKeysWithValues: classifier.explain(article).map { ($0.topic, $0) })
    }

    @Test("fixtures with an expected outcome get it", arguments: ["passing-mention", "one-word-repeated", "override"])
    func fixture(_ name: String) throws {
        let fixture = try FixtureArticle.named(name)
        let topics = classifier.apply(to: fixture.article).topics
        #expect(topics == fixture.expected, "\(name): \(fixture.reason)\n\(SiteTopics.explanation(classifier, fixture.article))")
    }

    @Test("a word mentioned once in passing does not make a topic, and says so")
    func passingMention() throws {
        let employment = try #require(scores(try FixtureArticle.named("passing-mention").article)["employment"])
        #expect(employment.hits.map(\.term) == ["就业"])
        #expect(!employment.assigned)
        #expect(employment.reason.contains("passing mention"))
    }

    @Test("front matter topics override the classifier, whose scores are still computed")
    func override() throws {
        let article = try FixtureArticle.named("override").article
        let classified = classifier.apply(to: article)
        #expect(classified.topics == ["rural-revitalization"])
        let employment = try #require(classified.topicScores.first { $0.topic == "employment" })
        #expect(employment.assigned)
        #expect(employment.terms.contains { $0.term == "招聘会" })
        let comment = TopicExplanation.commentLines(classifier.explain(article), article: article).joined(separator: "\n")
        #expect(comment.contains("set by front matter; the classifier alone would give [employment]"))
    }

    @Test("an empty article gets no topic and scores of zero")
    func emptyArticle() {
        for article in [Article(title: "", source: "empty.md"), Article(title: "", source: "blank.md", body: [.paragraph("  \n ")])] {
            let result = classifier.apply(to: article)
            #expect(result.topics.isEmpty)
            #expect(result.topicScores.count == classifier.topics.count)
            #expect(result.topicScores.allSatisfy { $0.score == 0 && $0.terms.isEmpty && !$0.assigned })
        }
    }

    @Test("every simplified seed article converted to traditional characters gets the same topics and scores")
    func traditionalTwin() throws {
        let s2t = try OpenCC(config: "s2t.json")
        for fixture in FixtureArticle.all(in: "seed-articles") where fixture.article.script == .simplified {
            var twin = fixture.article
            twin.title = s2t.convert(twin.title)
            twin.kicker = twin.kicker.map(s2t.convert)
            twin.subtitle = twin.subtitle.map(s2t.convert)
            twin.body = twin.body.map { block in
                switch block {
                case .paragraph(let text): return .paragraph(s2t.convert(text))
                case .heading(let level, let text): return .heading(level: level, text: s2t.convert(text))
                case .figure(let caption, let credit): return .figure(caption: s2t.convert(caption), credit: credit)
                case .markdown(let text): return .markdown(s2t.convert(text))
                }
            }
            #expect(twin.plainText != fixture.article.plainText || twin.plainText.isEmpty, "\(fixture.name) did not change script")
            let original = classifier.classify(fixture.article)
            let converted = classifier.classify(twin)
            #expect(converted.map(\.assigned) == original.map(\.assigned), "\(fixture.name)")
            #expect(converted.map(\.score) == original.map(\.score), "\(fixture.name)")
        }
    }

    @Test("pinyin annotations and layout spaces inside a term do not hide it")
    func damagedText() throws {
        let article = Article(title: "會議", source: "x", body: [
            .paragraph("全市穩(wěn)就業(yè)工作推進會召開，做好高校畢(bì)業(yè)生就業(yè)工作。"),
            .paragraph("要 稳 就 业 、保 就\n业，开展职业\n技能培训。"),
        ])
        let hits = try #require(scores(article)["employment"]).hits
        #expect(hits.first { $0.term == "稳就业" }?.count == 2)
        #expect(hits.first { $0.term == "高校毕业生" }?.count == 1)
        #expect(hits.first { $0.term == "保就业" }?.count == 1)
        #expect(hits.first { $0.term == "职业技能培训" }?.count == 1)
    }

    @Test("a longer term is counted once, not also as the shorter term inside it")
    func longestMatch() throws {
        let article = Article(title: "t", source: "x", body: [.paragraph("稳就业，就业。")])
        let hits = try #require(scores(article)["employment"]).hits
        #expect(hits.map(\.term).sorted() == ["就业", "稳就业"])
        #expect(hits.allSatisfy { $0.count == 1 })
    }

    @Test("a negative phrase subtracts and hides the positive term inside it")
    func negativeTerm() throws {
        let metaphor = Article(title: "t", source: "x", body: [.paragraph("净化政治生态，营造良好政治生态。推进生态文明建设。")])
        let plain = Article(title: "t", source: "x", body: [.paragraph("净化环境，营造良好环境。推进生态文明建设。")])
        let withNegative = try #require(scores(metaphor)["ecology"])
        let without = try #require(scores(plain)["ecology"])
        #expect(withNegative.hits.first { $0.term == "政治生态" }?.weight ?? 0 < 0)
        #expect(!withNegative.hits.contains { $0.term == "生态" })
        #expect(withNegative.score < without.score)
    }

    @Test("terms in the headline weigh more than the same terms in the body")
    func headlineWeighsMore() throws {
        let body: [Block] = [.paragraph(String(repeating: "会议研究了有关工作。", count: 40)), .paragraph("会议还研究了就业和招聘工作。")]
        let inTitle = Article(title: "稳就业招聘会举行", source: "x", body: body)
        let inBody = Article(title: "会议举行", source: "x", body: body + [.paragraph("稳就业招聘会举行。")])
        let title = try #require(scores(inTitle)["employment"])
        let plain = try #require(scores(inBody)["employment"])
        #expect(title.headlineScore > 0)
        #expect(title.score > plain.score)
    }

    @Test("a generated title, being the lead again, earns no headline points")
    func generatedTitle() throws {
        let lead = "全市稳就业工作推进会召开，部署高校毕业生就业工作。"
        let printed = Article(title: "全市稳就业工作推进会召开", source: "x", body: [.paragraph(lead)])
        var generated = printed
        generated.titleGenerated = true
        #expect(try #require(scores(printed)["employment"]).headlineScore > 0)
        #expect(try #require(scores(generated)["employment"]).headlineScore == 0)
    }

    @Test("the same mentions weigh less in a longer article")
    func density() throws {
        let mention = Block.paragraph("做好高校毕业生就业和职业技能培训工作。")
        let filler = Block.paragraph(String(repeating: "会议研究了城市建设、交通和文化工作。", count: 60))
        let short = try #require(scores(Article(title: "t", source: "x", body: [mention]))["employment"])
        let long = try #require(scores(Article(title: "t", source: "x", body: [mention, filler]))["employment"])
        #expect(short.score > long.score)
        #expect(short.assigned && !long.assigned)
    }

    @Test("a Markdown body is read as paragraphs and headings")
    func markdownBody() throws {
        let article = Article(title: "t", source: "x", body: [.markdown("## 稳就业\n\n开展职业技能培训。\n\n> 做好就业服务。")])
        let employment = try #require(scores(article)["employment"])
        #expect(employment.hits.first { $0.term == "稳就业" }?.counts[.heading] == 1)
        #expect(employment.hits.first { $0.term == "职业技能培训" }?.counts[.lead] == 1)
        #expect(employment.hits.first { $0.term == "就业服务" }?.counts[.body] == 1)
    }

    @Test("the scores name the deciding terms with their counts and weights")
    func decidingTerms() throws {
        let fixture = try #require(FixtureArticle.all(in: "seed-articles").first { $0.name == "000-5-graduate-job-fair" })
        let employment = try #require(classifier.classify(fixture.article).first { $0.topic == "employment" })
        let recruiting = try #require(employment.terms.first { $0.term == "招聘" })
        #expect(recruiting.count >= 3 && recruiting.weight == 2)
        // Largest contribution first: the graduates named in the title lead.
        #expect(employment.terms.first?.term == "高校毕业生")
    }
}
