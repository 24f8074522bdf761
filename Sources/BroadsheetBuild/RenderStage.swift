import BroadsheetModel
import BroadsheetRender

/// Renders the pages, the per-article Markdown and the assets.
public struct RenderStage: BuildStage {
    public let name = "render"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let templates = try TemplateSet(directory: context.options.templates)
        context.outputs += SiteRenderer(config: context.config, templates: templates).render(articles: context.articles)
    }
}
