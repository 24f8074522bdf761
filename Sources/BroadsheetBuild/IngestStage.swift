import BroadsheetIngest
import BroadsheetModel

/// Turns each input file into articles, then gives every article its slug.
public struct IngestStage: BuildStage {
    public let name = "ingest"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let ingester = Ingester(config: context.config)
        var articles: [Article] = []
        for source in context.sources {
            let result = ingester.ingest(source)
            context.diagnostics += result.diagnostics
            articles += result.articles
        }
        context.articles = SlugAssigner.assign(articles)
        for article in context.articles { context.articlesPerFile[article.source, default: []].append(article.slug) }
        for source in context.sources where context.articlesPerFile[source.path] == nil {
            context.articlesPerFile[source.path] = []
        }
    }
}
