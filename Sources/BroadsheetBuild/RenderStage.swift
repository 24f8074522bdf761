import BroadsheetModel
import BroadsheetRender

/// Renders the pages, the per-article Markdown and the assets.
public struct RenderStage: BuildStage {
    public let name = "render"
    /// Articles rendered between two writes: enough to keep both cores busy, few enough that the
    /// pages of a large site are never all in memory at once.
    static let chunkSize = 256
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        var files: [OutputFile] = []
        try stream(context) { files += $0 }
        context.outputs += files
    }

    /// Renders the site in chunks, the article pages of each chunk in parallel, and hands each
    /// chunk to `write` as soon as it is rendered; the listings come last. `reuse` is given the
    /// plan and answers, per article index, whether that page was already provided (linked from
    /// the previous build), so it is not rendered. Returns the number of files rendered.
    @discardableResult
    func stream(_ context: BuildContext, reuse: (RenderPlan) -> (Int) -> Bool = { _ in { _ in false } },
                write: ([OutputFile]) throws -> Void) throws -> Int {
        let templates = try TemplateSet(directory: context.options.templates)
        let renderer = SiteRenderer(config: context.config, templates: templates)
        let plan = renderer.prepare(articles: context.articles)
        let reused = reuse(plan)
        var count = 0
        for start in stride(from: 0, to: plan.ordered.count, by: Self.chunkSize) {
            let end = min(plan.ordered.count, start + Self.chunkSize)
            let files = Parallel.map(end - start) { reused(start + $0) ? [] : renderer.renderArticle(at: start + $0, plan) }.flatMap { $0 }
            count += files.count
            try write(files)
        }
        let listings = renderer.renderListings(plan)
        try write(listings)
        return count + listings.count
    }
}

extension RenderStage {
    /// A dependency key per article (by slug): the content hash of everything its page and
    /// Markdown copy are made from (see SiteRenderer.articleInputs). An incremental build can
    /// skip rendering an article whose key equals the previous build's and keep its two files.
    static func articleKeys(_ renderer: SiteRenderer, _ plan: RenderPlan) -> [String: String] {
        let keys = Parallel.map(plan.ordered.count) { index -> String in
            var hash = ContentHash()
            hash.update(renderer.articleInputs(at: index, plan))
            return hash.hex
        }
        return Dictionary(zip(plan.ordered.map(\.slug), keys), uniquingKeysWith: { first, _ in first })
    }
}
