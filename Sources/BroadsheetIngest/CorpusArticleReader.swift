import BroadsheetModel

/// Reads one article as e-paper sites serve it: line 1 kicker (may be empty), line 2 title,
/// line 3 subtitle (may be empty), then paragraphs indented with `　　`. The file name
/// `YYYYMMDD-PP-NN.txt` gives the date and page.
struct CorpusArticleReader {
    let lines: [SourceLine]
    let path: String

    nonisolated(unsafe) static let fileName = try! Regex(#"(\d{4})(\d{2})(\d{2})-(\d{1,3})-(\d{1,3})\.txt$"#)

    /// True when the lines have the corpus shape: three unindented header lines, indented paragraphs.
    static func matches(_ lines: [SourceLine], path: String) -> Bool {
        guard lines.count >= 4, !lines[1].isBlank else { return false }
        let header = lines.prefix(3)
        guard !header.contains(where: { $0.text.hasPlainPrefix("\u{3000}\u{3000}") }) else { return false }
        let rest = lines.dropFirst(3).filter { !$0.isBlank }
        // A page item with a headline and no text (a graphic, an advertisement) keeps the shape.
        guard !rest.isEmpty else { return path.firstMatch(of: fileName) != nil }
        let indented = rest.filter { $0.text.hasPlainPrefix("\u{3000}") }.count
        return indented * 2 > rest.count && (path.firstMatch(of: fileName) != nil || indented == rest.count)
    }

    func read() -> ArticleDraft {
        var draft = ArticleDraft(line: lines.dropFirst(3).first { !$0.isBlank }?.number ?? 1)
        let kicker = lines[0].trimmed, title = lines[1].trimmed, subtitle = lines.count > 2 ? lines[2].trimmed : ""
        draft.headline.kicker = kicker.isEmpty ? nil : LayoutSpaces.headline(kicker)
        draft.headline.title = title.isEmpty ? nil : LayoutSpaces.headline(title)
        draft.headline.subtitle = subtitle.isEmpty ? nil : HeadlineInterpreter.strip(LayoutSpaces.headline(subtitle))
        for line in lines.dropFirst(3) where !line.isBlank {
            let text = line.trimmed
            if let caption = CaptionParser.parse(text) {
                draft.blocks.append(DraftBlock(kind: .figure(credit: caption.credit), text: caption.text, line: line.number))
            } else if !line.text.hasPrefix("\u{3000}"), HeadlineLineRules.isHeadlineLike(text), !CharacterRules.endsSentence(text) {
                draft.blocks.append(DraftBlock(kind: .heading(2), text: LayoutSpaces.headline(text), line: line.number))
            } else {
                draft.blocks.append(DraftBlock(kind: .paragraph, text: text, line: line.number))
            }
        }
        if let groups = path.firstMatch(Self.fileName), let y = groups[1].flatMap({ Int($0) }),
           let m = groups[2].flatMap({ Int($0) }), let d = groups[3].flatMap({ Int($0) }), (1...12).contains(m), (1...31).contains(d) {
            draft.statedDate = ArticleDate(year: y, month: m, day: d)
            draft.page = groups[4].map { $0.count == 1 ? "0" + $0 : $0 }
        }
        return draft
    }
}
