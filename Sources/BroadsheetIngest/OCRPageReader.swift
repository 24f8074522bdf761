import BroadsheetModel

/// Reads an OCR'd page of several articles: paragraphs are rejoined, articles start at datelines
/// or after headline material, and each headline block is matched to the body it belongs to,
/// wherever the page printed it (after its body, gathered at the end, or before the body).
struct OCRPageReader {
    let layout: OCRLayout

    init(lines: [SourceLine]) { layout = OCRLayout(lines: lines) }

    private struct Zone {
        var segments: [[Int]]
        var before: Int?
        var after: Int?
    }

    func read() -> [ArticleDraft] {
        let items = OCRItemScanner(layout: layout).scan()
        var drafts: [ArticleDraft] = []
        var zones: [Zone] = []
        var afterZone = true
        for item in items {
            switch item {
            case .paragraph(let indices):
                if drafts.isEmpty || afterZone || layout.isDateline(indices[0]) {
                    drafts.append(ArticleDraft(line: layout.lines[indices[0]].number))
                }
                drafts[drafts.count - 1].blocks.append(paragraphBlock(indices))
                // A closing note (`（作者为…）`, `（本报首尔2月13日电）`) ends its story: what follows is another.
                afterZone = indices.count == 1 && HeadlineLineRules.isClosingNote(layout.text(indices[0]))
            case .heading(let index):
                drafts[drafts.count - 1].blocks.append(DraftBlock(kind: .heading(2), text: LayoutSpaces.headline(layout.text(index)), line: layout.lines[index].number))
            case .zone(let segments):
                zones.append(Zone(segments: segments, before: drafts.isEmpty ? nil : drafts.count - 1, after: drafts.count))
                afterZone = true
            }
        }
        // Does the page print headlines after their bodies (it opens with story text) or before?
        let headlinesFollow: Bool = { if case .paragraph = items.first { return true } else { return false } }()
        var assigned: [[Int]] = Array(repeating: [], count: drafts.count)
        var photos: [ArticleDraft] = []
        let bodies = drafts.map { Bigrams($0.bodyText) }
        for zone in zones {
            let neighbour = headlinesFollow ? zone.before : (zone.after.flatMap { $0 < drafts.count ? $0 : nil } ?? zone.before)
            // One headline block standing between two stories is placed by the page itself: on a
            // page whose headlines follow their bodies it closes the story above, whatever words it
            // shares with a neighbouring story on the same subject. Several blocks together are a
            // gathered headline area (perhaps cut by a long deck), matched by wording.
            let between = headlinesFollow && zone.segments.count == 1 && zone.before != nil
                && (zone.after ?? drafts.count) < drafts.count
            var previous: Int?
            for segment in zone.segments {
                let joined = layout.joined(segment)
                // A caption standing among headlines is a photo printed on its own: it becomes its
                // own article (a figure, titled from the caption's first sentence, title marked as
                // written), not a paragraph of a neighbouring story.
                if let caption = CaptionParser.parse(joined) {
                    var photo = ArticleDraft(line: layout.lines[segment[0]].number)
                    photo.isPhoto = true
                    photo.blocks = [DraftBlock(kind: .figure(credit: caption.credit), text: caption.text, line: photo.line)]
                    photos.append(photo)
                    continue
                }
                // Bylines, name lists and column names (`记者观察`) go with the headline before them.
                let neutral = segment.allSatisfy { index in
                    let text = layout.text(index)
                    return [.byline, .names].contains(layout.kind(index)) || HeadlineLineRules.isColumnName(text)
                }
                let target: Int?
                if neutral, let previous {
                    target = previous
                } else {
                    target = between ? neighbour : bestArticle(for: Bigrams(joined), bodies: bodies, neighbour: neighbour)
                }
                guard let target else { continue }
                assigned[target] += segment
                previous = target
            }
        }
        for index in drafts.indices {
            let lines = assigned[index].sorted().map { layout.text($0) }
            guard !lines.isEmpty else { continue }
            var headline = HeadlineInterpreter.interpret(lines, body: drafts[index].bodyText)
            if headline.column == nil, let banner = headline.banner { headline.column = banner }
            drafts[index].headline = headline
        }
        return (drafts + photos).sorted { $0.line < $1.line }
    }

    /// The article whose body shares most of the segment's wording; the positional neighbour wins
    /// close calls and takes segments nothing else matches.
    private func bestArticle(for segment: Bigrams, bodies: [Bigrams], neighbour: Int?) -> Int? {
        var best: (index: Int, score: Double)?
        for (index, body) in bodies.enumerated() {
            let score = segment.containment(in: body) + (index == neighbour ? 0.2 : 0)
            if best == nil || score > best!.score { best = (index, score) }
        }
        guard let best else { return nil }
        if best.score < 0.3, let neighbour { return neighbour }
        return best.index
    }

    private func paragraphBlock(_ indices: [Int]) -> DraftBlock {
        let text = layout.joined(indices)
        let line = layout.lines[indices[0]].number
        if let caption = CaptionParser.parse(text) {
            return DraftBlock(kind: .figure(credit: caption.credit), text: caption.text, line: line)
        }
        return DraftBlock(kind: .paragraph, text: text, line: line)
    }
}
