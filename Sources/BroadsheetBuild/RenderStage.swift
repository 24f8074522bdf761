import BroadsheetModel
import BroadsheetRender

/// Renders the pages, the per-article Markdown and the assets.
public struct RenderStage: BuildStage {
    public let name = "render"
    /// Articles rendered between two writes: enough to keep both cores busy, few enough that the
    /// pages of a large site are never all in memory at once.
    static let chunkSize = 256
    /// Chunks rendered between two `ProcessMemory.releaseFreed` calls (each walks the heap).
    static let chunksPerTrim = 16
    public init() {}

    /// Which pages a build takes from the previous site instead of rendering them (`PageReuse`).
    struct Reuse {
        var article: (Int) -> Bool = { _ in false }
        var listing: (ListingPage) -> Bool = { _ in false }
    }

    public func run(_ context: inout BuildContext) throws {
        var files: [OutputFile] = []
        try stream(context, articles: context.articles) { files += $0 }
        context.outputs += files
    }

    /// Renders the site in chunks, the article pages of each chunk in parallel, and hands each
    /// chunk to `write` as soon as it is rendered; the listings come last, a few at a time.
    /// `articles` are the site's articles with their bodies (`context.articles` may be bodiless
    /// summaries); each chunk's bodies are let go once it is rendered. `reuse` is given the plan
    /// and answers, per article index and per listing page, whether that page was already
    /// provided (linked from the previous build), so it is not rendered. Returns the number of
    /// files rendered.
    @discardableResult
    func stream(_ context: BuildContext, articles: consuming [Article], reuse: (RenderPlan) throws -> Reuse = { _ in Reuse() },
                write: ([OutputFile]) throws -> Void) throws -> Int {
        let templates = try TemplateSet(directory: context.options.templates)
        let renderer = SiteRenderer(config: context.config, templates: templates)
        // Related lists come from the previous build when nothing they depend on changed.
        var plan = try renderer.prepare(articles: articles, relatedLists: RelatedListsCache(context).lists)
        _ = consume articles
        let reuse = try reuse(plan)
        let reused = reuse.article
        // The plan's scratch tables are freed: give their pages back before the pages and the
        // index allocate (see ProcessMemory.releaseFreed).
        ProcessMemory.releaseFreed()
        var count = 0
        for start in stride(from: 0, to: plan.ordered.count, by: Self.chunkSize) {
            let end = min(plan.ordered.count, start + Self.chunkSize)
            let files = Parallel.map(end - start) { reused(start + $0) ? [] : renderer.renderArticle(at: start + $0, plan) }.flatMap { $0 }
            count += files.count
            plan.dropBodies(start..<end)
            // The dropped bodies are small chunks among live ones: without a trim now and then
            // glibc keeps their pages, and the index's postings would add to them.
            if (start / Self.chunkSize) % Self.chunksPerTrim == Self.chunksPerTrim - 1 { ProcessMemory.releaseFreed() }
            try write(files)
        }
        try renderer.renderListings(plan, skip: reuse.listing) { listings in
            count += listings.count
            try write(listings)
        }
        return count
    }
}
