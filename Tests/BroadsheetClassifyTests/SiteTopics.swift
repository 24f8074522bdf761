import BroadsheetClassify
import BroadsheetModel
import Foundation

/// The project's own site.yml: the tests classify with the configuration the site is built with.
enum SiteTopics {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func config() throws -> SiteConfig {
        try SiteConfig.load(from: repositoryRoot.appendingPathComponent("site.yml"))
    }

    static func classifier() throws -> TopicClassifier {
        TopicClassifier(topics: try config().topics)
    }

    /// The explanation as text, to show why a test failed.
    static func explanation(_ classifier: TopicClassifier, _ article: Article) -> String {
        TopicExplanation.commentLines(classifier.explain(article), article: article).joined(separator: "\n")
    }
}
