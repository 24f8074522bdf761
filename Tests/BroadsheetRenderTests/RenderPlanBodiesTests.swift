import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

/// A build lets go of each article's body once its page is rendered (`RenderPlan.dropBodies`),
/// so everything rendered after that must come from the plan alone.
@Suite("Render plan without bodies")
struct RenderPlanBodiesTests {
    @Test("listings, feeds and the other articles' pages are the same after earlier pages' bodies are dropped")
    func droppingBodiesChangesNothingElse() throws {
        // As a build gives them: each with its excerpt made at ingest (`Article.excerpt`).
        let articles = try CorpusFixture.articles().map { article in
            var made = article
            made.excerpt = Excerpt.of(article)
            return made
        }
        let renderer = SiteRenderer(config: CorpusFixture.config, templates: try TemplateSet(directory: CorpusFixture.templates))
        let whole = renderer.prepare(articles: articles)
        var dropped = whole
        let half = whole.ordered.count / 2
        dropped.dropBodies(0..<half)
        let emptied = dropped.ordered[0..<half].allSatisfy { $0.body.isEmpty }
        #expect(emptied)
        let kept = whole.ordered.contains { !$0.body.isEmpty }
        #expect(kept)
        let listings: [OutputFile] = renderer.renderListings(dropped)
        #expect(listings == renderer.renderListings(whole))
        for i in half..<whole.ordered.count {
            let page = renderer.renderArticle(at: i, dropped)
            #expect(page == renderer.renderArticle(at: i, whole))
        }
    }
}
