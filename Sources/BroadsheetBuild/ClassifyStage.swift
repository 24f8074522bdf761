import BroadsheetClassify
import BroadsheetModel

/// Gives every article its topics, unless its front matter set them.
public struct ClassifyStage: BuildStage {
    public let name = "classify"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let classifier = TopicClassifier(topics: context.config.topics)
        context.articles = context.articles.map(classifier.apply(to:))
    }
}
