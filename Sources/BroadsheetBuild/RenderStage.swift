import BroadsheetModel
import BroadsheetRender

/// Renders the pages, the per-article Markdown and the assets.
public struct RenderStage: BuildStage {
    public let name = "render"
    /// Articles rendered between two writes: enough to keep both cores busy, few enough that the
    /// pages of a large site are never all in memory at once.
    static let chunkSize = 256
    public init() {}

    /// Which pages a build takes from the previous site instead of rendering them (`PageReuse`).
    struct Reuse {
        var article: (Int) -> Bool = { _ in false }
        var listing: (ListingPage) -> Bool = { _ in false }
    }

    public func run(_ context: inout BuildContext) throws {
        var files: [OutputFile] = []
        try stream(context) { files += $0 }
        context.outputs += files
    }

    /// Renders the site in chunks, the article pages of each chunk in parallel, and hands each
    /// chunk to `write` as soon as it is rendered; the listings come last. `reuse` is given the
    /// plan and answers, per article index and per listing page, whether that page was already
    /// provided (linked from the previous build), so it is not rendered. Returns the number of
    /// files rendered.
    @discardableResult
    func stream(_ context: BuildContext, reuse: (RenderPlan) throws -> Reuse = { _ in Reuse() },
                write: ([OutputFile]) throws -> Void) throws -> Int {
        let templates = try TemplateSet(directory: context.options.templates)
        let renderer = SiteRenderer(config: context.config, templates: templates)
        // Related lists come from the previous build when nothing they depend on changed.
        let plan = try renderer.prepare(articles: context.articles, relatedLists: RelatedListsCache(context).lists)
        let reuse = try reuse(plan)
        let reused = reuse.article
        var count = 0
        for start in stride(from: 0, to: plan.ordered.count, by: Self.chunkSize) {
            let end = min(plan.ordered.count, start + Self.chunkSize)
            let files = Parallel.map(end - start) { reused(start + $0) ? [] : renderer.renderArticle(at: start + $0, plan) }.flatMap { $0 }
            count += files.count
            try write(files)
        }
        let listings = renderer.renderListings(plan, skip: reuse.listing)
        try write(listings)
        return count + listings.count
    }
}
