import BroadsheetClassify
import BroadsheetModel

/// Gives every article its topics, unless its front matter set them. The pipeline classifies
/// inside ingest, per file and in parallel (`classify(_:with:)`); this stage does the same for
/// callers that run the stages one by one.
public struct ClassifyStage: BuildStage {
    public let name = "classify"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let classifier = TopicClassifier(topics: context.config.topics)
        let articles = context.articles
        context.articles = Parallel.map(articles.count) { Self.classify(articles[$0], with: classifier) }
    }

    public static func classify(_ article: Article, with classifier: TopicClassifier) -> Article {
        var copy = article
        copy.topicScores = classifier.classify(article)
        if !article.topicsOverridden {
            copy.topics = copy.topicScores.filter(\.assigned).map(\.topic)
        }
        return copy
    }
}
