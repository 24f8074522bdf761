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
        return (ClassifyStage.classify(SlugAssigner.assign(result.articles), with: classifier), result.diagnostics)
    }

    /// The article as Markdown; with `explain`, the topic scores and deciding terms stand as YAML
    /// comments at the end of the front matter, so the output stays valid Markdown and YAML.
    public func markdown(_ article: Article, explain: Bool) -> String {
        let markdown = ArticleMarkdown.render(article)
        guard explain else { return markdown }
        let classifier = TopicClassifier(topics: config.topics)
        let comment = TopicExplanation.commentLines(classifier.explain(article), article: article, rules: classifier.rules)
            .joined(separator: "\n") + "\n"
        // The front matter closes at the first `---` line after the opening one.
        guard let close = markdown[markdown.index(markdown.startIndex, offsetBy: 3)...].firstRange(of: "\n---\n")
        else { return markdown }
        return markdown.replacingCharacters(in: close, with: "\n" + comment + "---\n")
    }
}
