import BroadsheetClassify
import BroadsheetModel

/// Gives every article its topics, unless its front matter set them. The pipeline classifies
/// inside ingest, per file and in parallel (`TopicClassifier.apply(to:)`); this stage does the
/// same for callers that run the stages one by one.
public struct ClassifyStage: BuildStage {
    public let name = "classify"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let classifier = TopicClassifier(topics: context.config.topics)
        let articles = context.articles
        context.articles = Parallel.map(articles.count) { classifier.apply(to: articles[$0]) }
    }
}
