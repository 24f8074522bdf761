import BroadsheetModel
import Foundation

/// `build-report.json`: for each input file, the articles found and every diagnostic.
public struct BuildReport: Codable {
    public struct FileEntry: Codable {
        public var path: String
        public var articles: [ArticleEntry]
        public var diagnostics: [Diagnostic]
    }
    public struct ArticleEntry: Codable {
        public var slug: String
        public var title: String
        public var date: String?
        public var datePartial: String?
        public var topics: [String]
        public var scores: [TopicScore]
    }

    public var version = 1
    public var articleCount: Int
    public var errorCount: Int
    public var warningCount: Int
    public var files: [FileEntry]

    public init(context: BuildContext) {
        let byFile = Dictionary(grouping: context.articles, by: \.source)
        let diagnosticsByFile = Dictionary(grouping: context.diagnostics, by: \.file)
        files = context.articlesPerFile.keys.sorted().map { path in
            FileEntry(path: path, articles: (byFile[path] ?? []).map { article in
                ArticleEntry(slug: article.slug, title: article.title, date: article.date?.iso,
                             datePartial: article.date?.iso == nil ? article.date?.partial : nil,
                             topics: article.topics, scores: article.topicScores)
            }, diagnostics: diagnosticsByFile[path] ?? [])
        }
        articleCount = context.articles.count
        errorCount = context.diagnostics.filter { $0.severity == .error }.count
        warningCount = context.diagnostics.filter { $0.severity == .warning }.count
    }

    public func file() -> OutputFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return OutputFile(path: "build-report.json", bytes: data + Data("\n".utf8))
    }
}
