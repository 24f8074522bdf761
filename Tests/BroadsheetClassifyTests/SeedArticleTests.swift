import BroadsheetClassify
import BroadsheetModel
import Testing

/// Each article of the five seed pages, written out by hand as a fixture with the topics a reader
/// would expect and the reason (`Fixtures/seed-articles/*.md`), classified with site.yml.
@Suite("Seed articles")
struct SeedArticleTests {
    static let fixtures = FixtureArticle.all(in: "seed-articles")

    @Test("all seed articles are there as fixtures")
    func fixturesLoad() {
        #expect(Self.fixtures.count == 18)
        for fixture in Self.fixtures { #expect(!fixture.reason.isEmpty, "\(fixture.name) gives no reason") }
    }

    @Test("each seed article gets the topics a reader expects", arguments: fixtures)
    func topics(_ fixture: FixtureArticle) throws {
        let classifier = try SiteTopics.classifier()
        let assigned = classifier.apply(to: fixture.article).topics
        #expect(Set(assigned) == Set(fixture.expected),
                "\(fixture.name): expected \(fixture.expected) because \(fixture.reason)\n\(SiteTopics.explanation(classifier, fixture.article))")
    }
}
