import BroadsheetClassify
import BroadsheetModel

/// Gives every article its topics, unless its front matter set them.
///
/// In a build, IngestStage calls `classify` per file right after ingesting it, so that cached
/// ingest records hold classified articles and the work runs on all cores; `convert` does the same.
public struct ClassifyStage: BuildStage {
    public let name = "classify"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        context.articles = Self.classify(context.articles, with: TopicClassifier(topics: context.config.topics))
    }

    static func classify(_ articles: [Article], with classifier: TopicClassifier) -> [Article] {
        articles.map(classifier.apply(to:))
    }
}
