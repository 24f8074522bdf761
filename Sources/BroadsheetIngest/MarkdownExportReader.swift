import BroadsheetModel

/// Reads a Markdown-like export: `#` starts a document, a `##` line right under it is its deck,
/// deeper headings are section heads. Interleaved columns are repaired: a part marked
/// `(上接…)` that continues another document is moved there, and paragraphs cut by a column
/// break are rejoined.
struct MarkdownExportReader {
    let lines: [SourceLine]
    let jumps: [Jump]

    nonisolated(unsafe) static let fullDate = try! Regex(#"(\d{4})年(\d{1,2})月(\d{1,2})日"#)
    nonisolated(unsafe) static let yearOnly = try! Regex(#"^(\d{4})年"#)

    private struct Doc {
        var draft: ArticleDraft
        /// Index in `draft.blocks` where a `(上接…)` part begins.
        var continuationStart: Int?
        var continuationJump: String?
    }

    func read() -> [ArticleDraft] {
        var docs: [Doc] = []
        let continuationLines = Dictionary(jumps.filter { $0.continuesFromElsewhere && $0.standalone }.map { ($0.line, $0.text) }, uniquingKeysWith: { a, _ in a })
        for line in lines {
            if let jump = continuationLines[line.number], !docs.isEmpty, docs[docs.count - 1].continuationStart == nil {
                docs[docs.count - 1].continuationStart = docs[docs.count - 1].draft.blocks.count
                docs[docs.count - 1].continuationJump = jump
                continue
            }
            guard !line.isBlank else { continue }
            let text = line.trimmed
            let hashes = text.prefix { $0 == "#" }.count
            let content = String(text.dropFirst(hashes)).trimmingSpaces()
            if hashes == 1 {
                var draft = ArticleDraft(line: line.number)
                draft.headline.title = LayoutSpaces.headline(content)
                docs.append(Doc(draft: draft))
            } else if hashes >= 2 {
                if docs.isEmpty { docs.append(Doc(draft: ArticleDraft(line: line.number))) }
                if hashes == 2, content.hasPrefix("—"), docs[docs.count - 1].draft.blocks.isEmpty, docs[docs.count - 1].draft.headline.subtitle == nil {
                    setDeck(content, on: &docs[docs.count - 1].draft)
                } else {
                    docs[docs.count - 1].draft.blocks.append(DraftBlock(kind: .heading(min(hashes, 4)), text: LayoutSpaces.headline(content), line: line.number))
                }
            } else {
                if docs.isEmpty { docs.append(Doc(draft: ArticleDraft(line: line.number))) }
                if docs[docs.count - 1].draft.blocks.isEmpty { docs[docs.count - 1].draft.line = line.number }
                docs[docs.count - 1].draft.blocks.append(DraftBlock(kind: .paragraph, text: text, line: line.number))
            }
        }
        var drafts = docs.map(\.draft)
        for (index, doc) in docs.enumerated() {
            guard let start = doc.continuationStart else { continue }
            moveContinuation(from: index, start: start, jump: doc.continuationJump ?? "", drafts: &drafts)
        }
        let counts = Dictionary(drafts.flatMap { $0.blocks.filter { $0.kind == .paragraph }.map(\.text) }.map { ($0, 1) }, uniquingKeysWith: +)
        return drafts.map { rejoinColumnBreaks($0, counts: counts) }
    }

    private func setDeck(_ content: String, on draft: inout ArticleDraft) {
        let deck = HeadlineInterpreter.strip(LayoutSpaces.headline(content))
        draft.headline.subtitle = deck
        if let g = deck.firstMatch(Self.fullDate), let y = g[1].flatMap({ Int($0) }), let m = g[2].flatMap({ Int($0) }), let d = g[3].flatMap({ Int($0) }) {
            draft.statedDate = ArticleDate(year: y, month: m, day: d)
        } else if let g = deck.firstMatch(Self.yearOnly), let y = g[1].flatMap({ Int($0) }) {
            draft.statedYear = y
        }
    }

    /// Moves the part after `(上接…)` to the document it continues: the blocks that read more
    /// like that document than like their host. A part that ends mid-sentence goes before the
    /// target's text and is joined to its first paragraph; otherwise it goes after.
    private func moveContinuation(from host: Int, start: Int, jump: String, drafts: inout [ArticleDraft]) {
        guard drafts.count > 1, start < drafts[host].blocks.count else { return }
        let blocks = drafts[host].blocks
        let others = drafts.indices.filter { $0 != host }
        let part = Bigrams(blocks[start...].map(\.text).joined())
        // The document whose numbered heads continue the part's numbering ((五)(六) → (七)) is
        // the one it belongs to; otherwise the one whose wording it shares most.
        let partNumbers = Set(blocks[start...].compactMap(SectionNumber.value))
        let byNumbering = others.first { other in
            drafts[other].blocks.compactMap(SectionNumber.value).contains { n in partNumbers.contains(n - 1) || partNumbers.contains(n + 1) }
        }
        guard let target = byNumbering ?? others.max(by: { part.containment(in: Bigrams(drafts[$0].bodyText)) < part.containment(in: Bigrams(drafts[$1].bodyText)) }) else { return }
        let targetText = Bigrams(drafts[target].bodyText)
        // The host's own text is what stands before the marker (after it, the part and the host mix).
        let before = blocks[..<start].map(\.text).joined(separator: "\n")
        func hostText(excludingThrough k: Int) -> Bigrams {
            if before.count >= 200 { return Bigrams(before) }
            return Bigrams((blocks[..<start] + blocks[(k + 1)...]).map(\.text).joined(separator: "\n"))
        }
        var end = start
        var lastTaken = start
        for k in start..<blocks.count {
            if blocks[k].kind != .paragraph { end = k + 1; continue }
            let bigrams = Bigrams(blocks[k].text)
            // Stop at a paragraph that clearly reads like the host.
            guard bigrams.containment(in: hostText(excludingThrough: k)) <= bigrams.containment(in: targetText) + 0.1 else { break }
            end = k + 1
            lastTaken = k + 1
            // A paragraph cut mid-sentence ends the part: its text goes on where the part continues.
            if !CharacterRules.endsSentence(blocks[k].text) { break }
        }
        end = lastTaken
        guard end > start else { return }
        var moved = Array(blocks[start..<end])
        drafts[host].blocks.removeSubrange(start..<end)
        drafts[target].jumps.append(jump)
        if let last = moved.last, last.kind == .paragraph, !CharacterRules.endsSentence(last.text),
           let first = drafts[target].blocks.first, first.kind == .paragraph {
            moved[moved.count - 1].text = LayoutSpaces.join(last.text, first.text)
            drafts[target].blocks.removeFirst()
            drafts[target].blocks.insert(contentsOf: moved, at: 0)
            drafts[target].line = moved.first?.line ?? drafts[target].line
        } else {
            drafts[target].blocks += moved
        }
    }

    /// Rejoins a paragraph that a column break cut: it does not end a sentence and the next
    /// block is a paragraph. Paragraphs printed twice are left alone (their neighbours are
    /// not reliable); duplicates are removed later.
    private func rejoinColumnBreaks(_ draft: ArticleDraft, counts: [String: Int]) -> ArticleDraft {
        var out = draft
        out.blocks = []
        for block in draft.blocks {
            if block.kind == .paragraph, let last = out.blocks.last, last.kind == .paragraph,
               !CharacterRules.endsSentence(last.text), counts[last.text, default: 0] == 1, counts[block.text, default: 0] == 1,
               !isDuplicatedPrefix(last.text, in: counts), !isDuplicatedPrefix(block.text, in: counts) {
                out.blocks[out.blocks.count - 1].text = LayoutSpaces.join(last.text, block.text)
            } else {
                out.blocks.append(block)
            }
        }
        return out
    }

    /// True when another paragraph contains this one (a truncated or split copy).
    private func isDuplicatedPrefix(_ text: String, in counts: [String: Int]) -> Bool {
        counts.keys.contains { $0 != text && $0.count > text.count && $0.contains(text) }
    }
}

/// The number of a section head written `(五)…` or `五、…`.
enum SectionNumber {
    static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    static func value(_ block: DraftBlock) -> Int? {
        guard case .heading = block.kind else { return nil }
        var text = Substring(block.text)
        if text.first == "(" || text.first == "（" { text = text.dropFirst() }
        let numeral = text.prefix { digits[$0] != nil }
        guard !numeral.isEmpty, let after = text.dropFirst(numeral.count).first, ")）、".contains(after) else { return nil }
        // 十一 = 11, 二十 = 20, 二十三 = 23.
        var total = 0, current = 0
        for c in numeral {
            let d = digits[c]!
            if d == 10 { total += max(current, 1) * 10; current = 0 } else { current = d }
        }
        return total + current
    }
}
