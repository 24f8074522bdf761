import BroadsheetModel

/// Turns drafts into articles: final paragraph text, dateline and authors, duplicates removed,
/// a written headline where none was printed, the date with a year only when it is known, script.
struct ArticleFinisher {
    let path: String
    let config: SiteConfig
    /// The publication date a web page states in its metadata line, if any.
    var published: ArticleDate? = nil

    func finish(_ draft: ArticleDraft, ordinal: Int, page: String?, diagnostics: inout [Diagnostic]) -> Article? {
        var blocks = Deduplicator.dedupe(draft.blocks.map(cleaned))
        var authors = draft.headline.authors
        var photoCredits: [String] = []
        // A closing byline `(張 曄)` at the end of the last paragraph.
        if let last = blocks.lastIndex(where: { $0.kind == .paragraph }) {
            let (text, names) = BodyText.splitClosingByline(blocks[last].text)
            blocks[last].text = text
            authors += names
        }
        blocks = dropEmptyHeadings(blocks)
        let lead = blocks.first { $0.kind == .paragraph }?.text
        let parsed = lead.flatMap(DatelineParser.parse)
        authors += parsed?.authors ?? []
        var body: [Block] = []
        for block in blocks {
            switch block.kind {
            case .paragraph: body.append(.paragraph(block.text))
            case .heading(let level): body.append(.heading(level: level, text: block.text))
            case .markdown: body.append(.markdown(block.text))
            case .figure(let credit):
                body.append(.figure(caption: block.text, credit: credit.isEmpty ? nil : credit))
                if !credit.isEmpty, !photoCredits.contains(credit) { photoCredits.append(credit) }
            }
        }
        guard !body.isEmpty else {
            if let title = draft.headline.title {
                diagnostics.append(Diagnostic(.warning, file: path, line: draft.line, code: "ingest.headline-only",
                                              message: "「\(title)」 has no story text (a graphic or advertisement?) and was left out"))
            }
            return nil
        }

        var title = draft.headline.title.flatMap { $0.isEmpty ? nil : $0 }
        var column = draft.headline.column
        if let printed = title {
            let split = TitleColumn.split(printed)
            title = split.title
            column = column ?? split.column
        }
        var generated = false
        if title == nil {
            let source = draft.isPhoto ? blocks.first?.text : lead
            title = source.flatMap(TitleWriter.title(fromLead:))
            generated = true
        }
        guard let title else {
            diagnostics.append(Diagnostic(.warning, file: path, line: draft.line, code: "ingest.no-text", message: "a headline block matched no story text and was left out"))
            return nil
        }
        var article = Article(title: title, titleGenerated: generated, kicker: draft.headline.kicker, subtitle: draft.headline.subtitle,
                              source: path, ordinal: ordinal, line: draft.line, dateline: parsed?.dateline,
                              authors: unique(authors), photoCredits: photoCredits, page: draft.page ?? page,
                              column: column, body: body, jumps: draft.jumps)
        article.date = date(for: draft, parsed: parsed, lead: lead ?? "", text: blocks.map(\.text).joined(separator: "\n"), diagnostics: &diagnostics)
        article.script = ScriptDetector.detect(title + article.plainText)
        // A story that stops on a comma was cut off (the rest is on a page we do not have).
        if let last = blocks.last(where: { $0.kind == .paragraph }), let end = last.text.last, "，、,；;：:".contains(end) {
            diagnostics.append(Diagnostic(.warning, file: path, line: last.line, code: "ingest.truncated",
                                          message: "「\(title)」 stops mid-sentence (…\(last.text.suffix(8))); the rest is not in this file"))
        }
        return article
    }

    private func cleaned(_ block: DraftBlock) -> DraftBlock {
        var out = block
        switch block.kind {
        case .paragraph, .figure: out.text = BodyText.clean(block.text)
        default: break
        }
        return out
    }

    /// A section head with nothing under it (its text was a duplicate) goes too.
    private func dropEmptyHeadings(_ blocks: [DraftBlock]) -> [DraftBlock] {
        var out: [DraftBlock] = []
        for block in blocks {
            if case .heading(let level) = block.kind, let last = out.last, case .heading(let previous) = last.kind, previous >= level {
                out.removeLast()
            }
            out.append(block)
        }
        if let last = out.last, case .heading = last.kind { out.removeLast() }
        return out
    }

    private func unique(_ authors: [Author]) -> [Author] {
        var seen = Set<String>()
        return authors.filter { seen.insert($0.name).inserted }
    }

    private func date(for draft: ArticleDraft, parsed: ParsedDateline?, lead: String, text: String, diagnostics: inout [Diagnostic]) -> ArticleDate? {
        if let stated = draft.statedDate { return stated }
        var month = parsed?.month, day = parsed?.day
        if month == nil, !draft.isPhoto, parsed == nil, let g = LayoutSpaces.collapse(lead).firstMatch(DatelineParser.leadDate) {
            month = g[1].flatMap { Int($0) }
            day = g[2].flatMap { Int($0) }
        }
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return draft.isPhoto ? nil : published }
        // A page published in January can carry a December dateline from the year before.
        if let published, let year = published.year {
            return ArticleDate(year: month > published.month + 1 ? year - 1 : year, month: month, day: day)
        }
        if let (year, _) = YearResolver.year(month: month, day: day, text: text, lead: lead, path: path, config: config) {
            return ArticleDate(year: year, month: month, day: day)
        }
        diagnostics.append(Diagnostic(.warning, file: path, line: draft.line, code: "ingest.year-unknown",
                                      message: "the text gives \(month)月\(day)日 but no year; the date stays partial (set `years:` in site.yml to supply one)"))
        return ArticleDate(year: nil, month: month, day: day)
    }
}
