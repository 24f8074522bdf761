import BroadsheetModel
import Foundation

/// The articles, with their bodies, passed from the builder to render and index, which run side
/// by side. Each side takes them once; after the last take this holds nothing, so each body is
/// referenced only by the two sides' own ordered arrays, which drop it once they have passed it
/// (`RenderPlan.dropBodies`, IndexStage's batches): the bodies are freed while the pages and the
/// index are still being made instead of all at the end.
final class ArticleHandOff: @unchecked Sendable {
    private let lock = NSLock()
    private var articles: [Article]?
    private var takers: Int

    init(_ articles: [Article], takers: Int) {
        self.articles = articles
        self.takers = takers
    }

    /// The articles; the last of the `takers` calls leaves this empty.
    func take() -> [Article] {
        lock.lock()
        defer { lock.unlock() }
        precondition(takers > 0, "ArticleHandOff.take called more often than its takers")
        takers -= 1
        let taken = articles ?? []
        if takers == 0 { articles = nil }
        return taken
    }
}
