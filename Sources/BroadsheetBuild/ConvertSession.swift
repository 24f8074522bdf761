import BroadsheetClassify
import BroadsheetIngest
import BroadsheetModel
import Foundation

/// `broadsheet convert`: ingest and classify single files outside a build.
public struct ConvertSession {
    public let config: SiteConfig
    public init(config: SiteConfig) {
        self.config = config
    }

    /// The configuration at `path`, or an empty one (no topics) when the file does not exist.
    public static func loadConfig(path: String) throws -> SiteConfig {
        if FileManager.default.fileExists(atPath: path) { return try SiteConfig.load(from: URL(fileURLWithPath: path)) }
        return SiteConfig(title: "Broadsheet", topics: [])
    }

    public func convert(path: String) throws -> (articles: [Article], diagnostics: [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            return ([], [Diagnostic(.error, file: path, code: "load.unreadable", message: "cannot read the file")])
        }
        let result = Ingester(config: config).ingest(SourceFile(path: url.lastPathComponent, bytes: data))
        let classifier = TopicClassifier(topics: config.topics)
        let articles = SlugAssigner.assign(result.articles).map { article in
            var copy = article
            copy.topicScores = classifier.classify(article)
            if !copy.topicsOverridden { copy.topics = copy.topicScores.filter(\.assigned).map(\.topic) }
            return copy
        }
        return (articles, result.diagnostics)
    }
}
