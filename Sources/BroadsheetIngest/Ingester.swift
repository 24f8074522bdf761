import BroadsheetModel
import Foundation

/// What ingest made of one input file.
public struct IngestResult: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    public init(articles: [Article] = [], diagnostics: [Diagnostic] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// The ingest stage: one input file's bytes in, the articles an editor would have typed out.
/// Never throws and never crashes on content: problems become diagnostics.
public struct Ingester: Sendable {
    public let config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    public func ingest(_ file: SourceFile) -> IngestResult {
        let text: String
        switch TextDecoder.decode(file.bytes, encodingHint: SiteConfig.lookup(config.encodings, path: file.path)) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            return IngestResult(diagnostics: [Diagnostic(.error, file: file.path, byteOffset: failure.byteOffset,
                                                         code: "decode.invalid-bytes", message: "\(failure.message); the file was skipped")])
        }
        let rawLines = Self.lines(of: text)
        var diagnostics = DamageScanner.scan(rawLines.enumerated().map { SourceLine(text: $0.element, number: $0.offset + 1) }, file: file.path)

        // Per-line cleanup: chrome, page labels, pinyin, HTML, editor lines.
        var cleaned: [SourceLine] = []
        var page: String?
        var published: ArticleDate?
        var removed = false
        for (index, raw) in rawLines.enumerated() {
            switch LineCleaner.clean(raw) {
            case .text(let t): cleaned.append(SourceLine(text: t, number: index + 1))
            case .chrome: removed = true; cleaned.append(SourceLine(text: "", number: index + 1))
            case .metadata(let y, let m, let d):
                removed = true
                cleaned.append(SourceLine(text: "", number: index + 1))
                if published == nil, let y, let m, let d, YearResolver.plausible(y), (1...12).contains(m), (1...31).contains(d) {
                    published = ArticleDate(year: y, month: m, day: d)
                }
            case .removed: cleaned.append(SourceLine(text: "", number: index + 1))
            case .pageLabel(let p): page = page ?? p; removed = true; cleaned.append(SourceLine(text: "", number: index + 1))
            }
        }
        let form = InputForm.detect(rawLines: rawLines, cleaned: cleaned, path: file.path, removedChrome: removed)
        if form == .frontMatterMarkdown {
            switch FrontMatterReader(text: text, path: file.path).read() {
            case .success(var article):
                article.script = ScriptDetector.detect(article.title + article.plainText)
                return IngestResult(articles: [article], diagnostics: diagnostics)
            case .failure(let failure):
                return IngestResult(diagnostics: diagnostics + [failure.diagnostic])
            }
        }
        let (lines, jumps) = JumpExtractor.extract(cleaned)
        var drafts: [ArticleDraft]
        switch form {
        case .markdownExport: drafts = MarkdownExportReader(lines: lines, jumps: jumps).read()
        case .corpusArticle: drafts = [CorpusArticleReader(lines: lines, path: file.path).read()]
        case .webPage: drafts = WebPageReader(lines: lines).read()
        default: drafts = OCRPageReader(lines: lines).read()
        }
        if form != .markdownExport { assign(jumps, to: &drafts) }
        let finisher = ArticleFinisher(path: file.path, config: config, published: published)
        var articles: [Article] = []
        for draft in drafts {
            if let article = finisher.finish(draft, ordinal: articles.count + 1, page: page, diagnostics: &diagnostics) {
                articles.append(article)
            }
        }
        if articles.isEmpty, !diagnostics.contains(where: { $0.code == "ingest.headline-only" }) {
            diagnostics.append(Diagnostic(.warning, file: file.path, code: "ingest.empty", message: "no article text found"))
        }
        return IngestResult(articles: articles, diagnostics: diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }

    /// The text split at LF. Decoded text holds no CR, so every LF is a Character of its own and
    /// splitting the UTF-8 bytes cuts exactly where splitting the Characters would.
    static func lines(of text: String) -> [String] {
        guard !text.utf8.contains(0x0D) else { return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x0A {
                lines.append(String(text[start..<i]))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(String(text[start..<utf8.endIndex]))
        return lines
    }

    /// A jump belongs to the article whose text contains its line; a standalone `(上接…)` line
    /// belongs to the article that follows it.
    private func assign(_ jumps: [Jump], to drafts: inout [ArticleDraft]) {
        for jump in jumps {
            let index: Int?
            if jump.continuesFromElsewhere, jump.standalone {
                index = drafts.firstIndex { ($0.blocks.first?.line ?? $0.line) >= jump.line } ?? drafts.indices.last
            } else {
                index = drafts.lastIndex { ($0.blocks.first?.line ?? $0.line) <= jump.line } ?? drafts.indices.first
            }
            if let index { drafts[index].jumps.append(jump.text) }
        }
    }
}
