/// Reads a copy of an e-paper web page: one line per paragraph (often indented), the headline
/// block above the story, section heads as short lines, captions between paragraphs, reporters'
/// names at the end. A new article starts where a headline block stands before a dateline.
struct WebPageReader {
    let lines: [SourceLine]

    func read() -> [ArticleDraft] {
        var drafts: [ArticleDraft] = []
        var pending: [SourceLine] = []   // short lines not yet known to be headline or heading
        for line in lines where !line.isBlank {
            let text = line.trimmed
            if let caption = CaptionParser.parse(text) {
                flushHeadings(&pending, into: &drafts)
                if drafts.isEmpty { drafts.append(ArticleDraft(line: line.number)) }
                drafts[drafts.count - 1].blocks.append(DraftBlock(kind: .figure(credit: caption.credit), text: caption.text, line: line.number))
                continue
            }
            if isParagraph(line) {
                let startsArticle = drafts.isEmpty || (!pending.isEmpty && DatelineParser.startsDateline(text)
                    && pending.contains { HeadlineLineRules.kind($0.trimmed) == .headline })
                if startsArticle {
                    var draft = ArticleDraft(line: pending.first?.number ?? line.number)
                    draft.line = line.number
                    draft.headline = HeadlineInterpreter.interpret(pending.map(\.trimmed), body: text)
                    drafts.append(draft)
                    pending = []
                } else {
                    flushHeadings(&pending, into: &drafts)
                }
                drafts[drafts.count - 1].blocks.append(DraftBlock(kind: .paragraph, text: text, line: line.number))
            } else {
                pending.append(line)
            }
        }
        // Lines after the last paragraph: reporters' names, or headings without text.
        for line in pending where !drafts.isEmpty {
            if let names = BylineParser.parseNameList(line.trimmed) ?? BylineParser.parseLine(line.trimmed) {
                drafts[drafts.count - 1].headline.authors += names
            }
        }
        return drafts
    }

    /// A paragraph is indented, long, or ends a sentence; anything else is a short line.
    private func isParagraph(_ line: SourceLine) -> Bool {
        let text = line.trimmed
        if line.text.hasPrefix("  ") || line.text.hasPrefix("\u{3000}") {
            return !(BylineParser.parseNameList(text) != nil || (HeadlineLineRules.isHeadlineLike(text) && text.count <= 20))
        }
        return text.count > 40 || CharacterRules.endsSentence(text) || !HeadlineLineRules.isHeadlineLike(text)
    }

    /// Short lines between paragraphs are section heads (names lists become authors).
    private func flushHeadings(_ pending: inout [SourceLine], into drafts: inout [ArticleDraft]) {
        defer { pending = [] }
        guard !drafts.isEmpty else {
            // Short lines before any story text: keep them for the first article's headline.
            if !pending.isEmpty {
                var draft = ArticleDraft(line: pending[0].number)
                draft.headline = HeadlineInterpreter.interpret(pending.map(\.trimmed), body: "")
                drafts.append(draft)
            }
            return
        }
        for line in pending {
            if let names = BylineParser.parseNameList(line.trimmed) {
                drafts[drafts.count - 1].headline.authors += names
            } else {
                drafts[drafts.count - 1].blocks.append(DraftBlock(kind: .heading(2), text: LayoutSpaces.headline(line.trimmed), line: line.number))
            }
        }
    }
}
