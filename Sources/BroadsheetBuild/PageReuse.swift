import BroadsheetModel
import BroadsheetRender
import Foundation

/// Which pages of a site build are the previous build's, decided once the render plan is made:
/// a page (article or listing) whose `PageKeys` key equals the one in the previous manifest, and
/// whose files are still in the output folder, is linked unrendered. Records every key for the
/// next build's manifest.
final class PageReuse: @unchecked Sendable {
    private let pageKeys: PageKeys
    private let articlePaths: [String]
    private let markdownPaths: [String]
    private let previous: [String: String]
    private let staging: StagingFolder
    private let progress: ProgressReporter
    private let lock = NSLock()
    /// Every page's key, by its path (article pages and listing pages).
    private(set) var keys: [String: String] = [:]
    let articlesReused = ManagedCounter()
    let listingsReused = ManagedCounter()

    init(_ context: BuildContext, plan: RenderPlan, staging: StagingFolder, previous: [String: String], progress: ProgressReporter) throws {
        let buildKeys = context.keys ?? BuildKeys(tool: "", config: "", templates: "")
        let articles = ArticleKeys(plan: plan, articles: context.articles, inputHashes: context.recordHashes)
        pageKeys = PageKeys(plan: plan, buildKeys: buildKeys, articles: articles)
        articlePaths = plan.ordered.map { SitePaths.article($0.slug) }
        markdownPaths = plan.ordered.map { SitePaths.articleMarkdown($0.slug) }
        keys = Dictionary(uniqueKeysWithValues: zip(articlePaths, pageKeys.keys))
        self.previous = previous
        self.staging = staging
        self.progress = progress
    }

    /// True when the article page at `index` (and its .md) was linked from the previous build.
    func article(_ index: Int) -> Bool {
        guard previous[articlePaths[index]] == pageKeys.keys[index],
              staging.reuseOutputs([articlePaths[index], markdownPaths[index]]) else { return false }
        articlesReused.add(1)
        progress.advance(by: 2)
        return true
    }

    /// True when the listing page was linked from the previous build (then it is not rendered).
    func listing(_ page: ListingPage) -> Bool {
        let key = pageKeys.key(of: page)
        lock.lock()
        keys[page.path] = key
        lock.unlock()
        guard previous[page.path] == key, staging.reuseOutputs([page.path]) else { return false }
        listingsReused.add(1)
        return true
    }
}
