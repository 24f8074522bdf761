/// The shapes of input that ingest recognises, decided per file from its content.
enum InputForm: String {
    /// Markdown with YAML front matter: an article already edited by hand.
    case frontMatterMarkdown
    /// A Markdown-like export with `#` headings.
    case markdownExport
    /// One article per file as an e-paper site serves it (kicker, title, subtitle, indented paragraphs).
    case corpusArticle
    /// A copy of a web page: one line per paragraph, page label, site chrome.
    case webPage
    /// OCR of a printed page: lines hard-wrapped at the column width.
    case ocrPage

    static func detect(rawLines: [String], cleaned: [SourceLine], path: String, removedChrome: Bool) -> InputForm {
        if rawLines.first?.trimmingSpaces() == "---", FrontMatterReader.split(rawLines.joined(separator: "\n")) != nil { return .frontMatterMarkdown }
        if rawLines.contains(where: { $0.hasPlainPrefix("# ") || $0.hasPlainPrefix("## ") || $0.hasPlainPrefix("### ") }) { return .markdownExport }
        if CorpusArticleReader.matches(cleaned, path: path) { return .corpusArticle }
        let text = cleaned.filter { !$0.isBlank }.map(\.trimmed)
        guard !text.isEmpty else { return .ocrPage }
        let lengths = text.map(\.characterCount).sorted()
        let median = lengths[lengths.count / 2]
        // One paragraph per line: most lines end a sentence (or are captions). Hard-wrapped OCR
        // lines mostly stop mid-sentence.
        let complete = text.filter { CharacterRules.endsSentence($0) || CaptionParser.parse($0) != nil }.count
        if removedChrome || median > 40 || (text.count >= 2 && Double(complete) >= Double(text.count) * 0.6) { return .webPage }
        return .ocrPage
    }
}
