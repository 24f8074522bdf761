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
        self.init(context: context, only: nil)
    }

    /// The report of `context`, with the entries of the files in `only` (all when nil).
    init(context: BuildContext, only: Set<String>?) {
        func wanted(_ path: String) -> Bool { only?.contains(path) ?? true }
        let byFile = Dictionary(grouping: context.articles.filter { wanted($0.source) }, by: \.source)
        let diagnosticsByFile = Dictionary(grouping: context.diagnostics.filter { wanted($0.file) }, by: \.file)
        files = context.articlesPerFile.keys.filter(wanted).sorted().map { path in
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

    /// Compact JSON with sorted keys, one input file per line (so that it stays greppable).
    public func file() -> OutputFile {
        Self.file(articleCount: articleCount, errorCount: errorCount, warningCount: warningCount, version: version) { w in
            for (i, entry) in files.enumerated() {
                if i > 0 { w.raw(",\n") }
                Self.line(entry, to: &w)
            }
        }
    }

    /// The report around its file lines, which `lines` writes (joined by `,\n`) into the same
    /// buffer as the head and the tail: at 100,000 articles the report is 115 MB, and copying it
    /// between buffers raised a build's peak memory by hundreds of MB.
    static func file(articleCount: Int, errorCount: Int, warningCount: Int, version: Int,
                     lines: (inout JSONTextWriter) -> Void) -> OutputFile {
        var w = JSONTextWriter()
        w.raw("{")
        w.key("articleCount", first: true); w.int(articleCount)
        w.key("errorCount"); w.int(errorCount)
        w.key("files")
        w.raw("[\n")
        lines(&w)
        w.raw("\n]")
        w.key("version"); w.int(version)
        w.key("warningCount"); w.int(warningCount)
        w.raw("}\n")
        return OutputFile(path: "build-report.json", bytes: w.bytes.takeData())
    }

    /// One input file's line: its articles and diagnostics.
    static func line(_ entry: FileEntry, to w: inout JSONTextWriter) {
        w.raw("{")
        w.key("articles", first: true)
        w.array(entry.articles) { w, article in
            w.raw("{")
            var first = true
            if let date = article.date { w.key("date", first: true); w.string(date); first = false }
            if let partial = article.datePartial { w.key("datePartial", first: first); w.string(partial); first = false }
            w.key("scores", first: first)
            w.array(article.scores) { w, score in
                w.raw("{")
                w.key("assigned", first: true); w.bool(score.assigned)
                w.key("score"); w.double(score.score)
                w.key("terms")
                w.array(score.terms) { w, hit in
                    w.raw("{")
                    w.key("count", first: true); w.int(hit.count)
                    w.key("term"); w.string(hit.term)
                    w.key("weight"); w.double(hit.weight)
                    w.raw("}")
                }
                w.key("topic"); w.string(score.topic)
                w.raw("}")
            }
            w.key("slug"); w.string(article.slug)
            w.key("title"); w.string(article.title)
            w.key("topics"); w.array(article.topics) { $0.string($1) }
            w.raw("}")
        }
        w.key("diagnostics")
        w.array(entry.diagnostics) { w, d in
            w.raw("{")
            var first = true
            if let offset = d.byteOffset { w.key("byteOffset", first: true); w.int(offset); first = false }
            w.key("code", first: first); w.string(d.code)
            w.key("file"); w.string(d.file)
            if let line = d.line { w.key("line"); w.int(line) }
            w.key("message"); w.string(d.message)
            w.key("severity"); w.string(d.severity.rawValue)
            w.raw("}")
        }
        w.key("path"); w.string(entry.path)
        w.raw("}")
    }
}
