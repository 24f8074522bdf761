import BroadsheetClassify
import BroadsheetModel
import Foundation
import Testing

@Suite("Topics come from configuration")
struct ConfigurationTests {
    /// site.yml with the topic entry of `Fixtures/education-topic.yml` appended to its `topics:` list.
    static func configWithFourthTopic() throws -> SiteConfig {
        let site = try String(contentsOf: SiteTopics.repositoryRoot.appendingPathComponent("site.yml"), encoding: .utf8)
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let extra = try String(contentsOf: fixtures.appendingPathComponent("education-topic.yml"), encoding: .utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString).yml")
        try (site + (site.hasSuffix("\n") ? "" : "\n") + extra).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SiteConfig.load(from: url)
    }

    @Test("site.yml has the three topics, each with a rich vocabulary")
    func siteTopics() throws {
        let topics = try SiteTopics.config().topics
        #expect(topics.map(\.id) == ["employment", "ecology", "rural-revitalization"])
        for topic in topics { #expect(topic.terms.count >= 40, "\(topic.id) has a thin vocabulary") }
    }

    @Test("a fourth topic added to the configuration alone is assigned, and the others keep their decisions")
    func fourthTopic() throws {
        let config = try Self.configWithFourthTopic()
        #expect(config.topics.map(\.id).last == "education")
        let classifier = TopicClassifier(topics: config.topics)
        let fixture = try FixtureArticle.named("education-topic")
        #expect(classifier.apply(to: fixture.article).topics == fixture.expected, "\(fixture.reason)")
        let threeTopics = try SiteTopics.classifier()
        for seed in FixtureArticle.all(in: "seed-articles") {
            let before = threeTopics.apply(to: seed.article).topics
            let after = classifier.apply(to: seed.article).topics.filter { $0 != "education" }
            #expect(before == after, "\(seed.name)")
        }
    }

    @Test("per-topic threshold, min_terms and title_weight in the configuration change the decision")
    func perTopicKnobs() throws {
        let article = Article(title: "稳就业", source: "x", body: [.paragraph("做好就业工作。")])
        var topic = try #require(try SiteTopics.config().topics.first { $0.id == "employment" })
        let base = try #require(TopicClassifier(topics: [topic]).explain(article).first)
        topic.titleWeight = 10
        let heavierTitle = try #require(TopicClassifier(topics: [topic]).explain(article).first)
        #expect(heavierTitle.headlineScore > base.headlineScore)
        topic.threshold = heavierTitle.score + 1
        #expect(TopicClassifier(topics: [topic]).classify(article).first?.assigned == false)
        topic.threshold = 1
        topic.minTerms = 3
        #expect(TopicClassifier(topics: [topic]).classify(article).first?.assigned == false)
        topic.minTerms = 2
        #expect(TopicClassifier(topics: [topic]).classify(article).first?.assigned == true)
    }

    @Test("a term written in traditional characters in the configuration matches simplified text")
    func traditionalTerm() throws {
        let topic = TopicConfig(id: "t", name: "t", terms: ["穩就業": 3, "稳就业": 3, "鄉村": 1])
        let explanation = try #require(TopicClassifier(topics: [topic]).explain(
            Article(title: "t", source: "x", body: [.paragraph("稳就业，乡村。")])).first)
        #expect(explanation.hits.map(\.count) == [1, 1])
        #expect(explanation.distinctTerms == 2)
    }
}
