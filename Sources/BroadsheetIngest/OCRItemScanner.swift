/// First pass over an OCR page: cuts the lines into paragraphs (rejoining hard wraps and column
/// breaks), section heads, and zones of headline material standing outside the story text.
struct OCRItemScanner {
    enum Item {
        case paragraph([Int])
        case heading(Int)
        case zone([[Int]])
    }

    let layout: OCRLayout
    /// Zone answers by start line: the scan asks about the same lines many times.
    private let cache = ZoneCache()

    init(layout: OCRLayout) { self.layout = layout }

    func scan() -> [Item] {
        var items: [Item] = []
        var i = 0
        while let start = layout.nextNonBlank(from: i) {
            // A closing byline on its own line (`（欧阳洁）`) ends the paragraph before it.
            if case .paragraph(let previous) = items.last, HeadlineLineRules.isClosingByline(layout.text(start)) {
                items[items.count - 1] = .paragraph(previous + [start])
                i = start + 1
                continue
            }
            if HeadlineLineRules.isClosingNote(layout.text(start)) {
                items.append(.paragraph([start]))
                i = start + 1
                continue
            }
            if let zone = zone(at: start) {
                items.append(.zone(zone.segments))
                i = zone.next
                continue
            }
            if case .paragraph = items.last, isHeading(at: start) {
                items.append(.heading(start))
                i = start + 1
                continue
            }
            let (lines, next) = paragraph(from: start)
            items.append(.paragraph(lines))
            i = next
        }
        return items
    }

    /// Headline material from `i`: segments whose lines are all headline-like (or one photo
    /// caption). It is a zone when a dateline or the page end follows, or when it carries clear
    /// marks (deck, kicker, byline, caption, letter-spaced title) or stands in several pieces.
    func zone(at i: Int) -> (segments: [[Int]], next: Int)? {
        if let known = cache.answers[i] { return known }
        let answer = findZone(at: i)
        cache.answers[i] = .some(answer)
        return answer
    }

    private func findZone(at i: Int) -> (segments: [[Int]], next: Int)? {
        var segments: [[Int]] = []
        var strong = false
        var j = i
        while let k = layout.nextNonBlank(from: j), !layout.isDateline(k) {
            let segment = layout.segment(from: k)
            if CaptionParser.parse(layout.joined(segment)) != nil {
                segments.append(segment)
                strong = true
            } else if segment.allSatisfy(layout.isHeadlineLike) || isTitleWithDeck(segment) {
                segments.append(segment)
                strong = strong || segment.contains { index in
                    layout.kind(index) != .headline || HeadlineLineRules.isLetterSpaced(layout.text(index))
                }
            } else {
                break
            }
            j = segment.last! + 1
        }
        guard !segments.isEmpty else { return nil }
        let next = layout.nextNonBlank(from: j)
        if next == nil || layout.isDateline(next!) { return (segments, next ?? layout.count) }
        // A caption alone between paragraphs is the story's photo, read as a figure in place.
        let onlyCaptions = segments.allSatisfy { CaptionParser.parse(layout.joined($0)) != nil }
        if onlyCaptions { return nil }
        if strong || segments.count >= 2 { return (segments, next!) }
        if segments.count == 1, closesStoryAbove(segments[0]) { return (segments, next!) }
        return nil
    }

    /// On a page that prints each headline after its body, a lone headline block between a
    /// finished paragraph and the next story text closes the story above: its wording is found
    /// in the text above and not in the text below. A section head is the other way round (it
    /// names the text it opens), and so is a title printed over its own body.
    func closesStoryAbove(_ segment: [Int]) -> Bool {
        guard segment.count <= 3, let first = layout.nextNonBlank(from: 0), !layout.isHeadlineLike(first),
              let start = segment.first, let end = segment.last, start >= 2, layout.isBlank(start - 1),
              CharacterRules.endsSentenceStrongly(layout.text(start - 2)) || HeadlineLineRules.isClosingNote(layout.text(start - 2))
        else { return false }
        let heads = segment.map { DraftBlock(kind: .heading(2), text: layout.text($0), line: 0) }
        guard heads.allSatisfy({ SectionNumber.value($0) == nil }),
              segment.allSatisfy({ layout.kind($0) == .headline }) else { return false }
        let words = Bigrams(layout.joined(segment))
        let window = 60
        let above = Bigrams((max(0, start - window)..<start).map { layout.text($0) }.joined())
        let below = Bigrams(((end + 1)..<min(layout.count, end + 1 + window)).map { layout.text($0) }.joined())
        let inAbove = words.containment(in: above), inBelow = words.containment(in: below)
        return inAbove >= 0.5 && inAbove >= inBelow + 0.25
    }

    /// A title line over a deck that carries punctuation, standing right before a dateline, more
    /// headline material or the page end:
    /// the title is not a body line (its width is not the column's), the deck is short.
    func isTitleWithDeck(_ segment: [Int]) -> Bool {
        guard (2...3).contains(segment.count), layout.isHeadlineLike(segment[0]),
              segment.dropFirst().allSatisfy({ layout.text($0).count <= 150 }),
              layout.nextNonBlank(from: segment.last! + 1).map({ layout.isDateline($0) || zone(at: $0) != nil }) ?? true else { return false }
        // Neither the title nor the deck is a column-wide body line, and a numbered head is a
        // section head, not a title.
        let column = layout.localWidth(segment[0])
        guard SectionNumber.value(DraftBlock(kind: .heading(2), text: layout.text(segment[0]), line: 0)) == nil else { return false }
        return segment.allSatisfy { abs(layout.width($0) - column) > 4 } || layout.text(segment[1]).hasPrefix("——")
    }

    /// A section head inside a story: a short headline-like line followed by a blank, or glued to
    /// a paragraph's first line that a column break then cuts (`开发区示范引领作用持续彰显`).
    func isHeading(at i: Int) -> Bool {
        guard layout.isHeadlineLike(i), layout.kind(i) == .headline,
              !HeadlineLineRules.isLetterSpaced(layout.text(i)), i + 1 < layout.count else { return false }
        let width = layout.width(i), column = layout.localWidth(i)
        // A numbered head (`（二）坚持稳就业促增收`, `三、…`) followed by story text.
        if SectionNumber.value(DraftBlock(kind: .heading(2), text: layout.text(i), line: 0)) != nil,
           !CharacterRules.endsSentence(layout.text(i)), let k = layout.nextNonBlank(from: i + 1), !layout.isDateline(k) {
            return true
        }
        if layout.isBlank(i + 1) {
            guard let k = layout.nextNonBlank(from: i + 1), !layout.isDateline(k), !layout.isHeadlineLike(k) else { return false }
            return Double(width) <= Double(column) * 0.8
        }
        guard i + 2 < layout.count, layout.isBlank(i + 2), !layout.isDateline(i + 1),
              layout.width(i + 1) <= column + 4,   // the glued line is a body line, as wide as the column
              !CharacterRules.endsSentence(layout.text(i + 1)),
              let k = layout.nextNonBlank(from: i + 2), !layout.isDateline(k) else { return false }
        return width <= column + 2
    }

    /// Lines of one paragraph from `start`: joins across column breaks while the sentence runs on.
    func paragraph(from start: Int) -> (lines: [Int], next: Int) {
        var lines: [Int] = []
        // `layout.joined(lines)`, kept as lines are added; and whether a line could make it a caption.
        var joined = ""
        var captionBytes = false
        var k = start
        while k < layout.count {
            if layout.isBlank(k) {
                if CharacterRules.endsSentence(joined) { break }
                guard let m = layout.nextNonBlank(from: k), !layout.isDateline(m), zone(at: m) == nil else { break }
                k = m
                continue
            }
            if !lines.isEmpty, layout.isDateline(k) { break }
            lines.append(k)
            LayoutSpaces.append(layout.text(k), to: &joined)
            captionBytes = captionBytes || layout.mayBeCaption(k)
            // The first line after a column break that ends the sentence ends the paragraph (the
            // break fell just before the paragraph's last line), unless the paragraph starts there.
            let firstOfChunk = lines.count > 1 && (k == 0 || layout.isBlank(k - 1))
            k += 1
            // A photo caption ends with its credit (`王晋东摄`), not with a full stop.
            if captionBytes, CaptionParser.parse(joined) != nil { break }
            guard CharacterRules.endsSentenceStrongly(layout.text(k - 1)), k < layout.count, !layout.isBlank(k) else { continue }
            if layout.isDateline(k) || firstOfChunk || layout.width(k - 1) < layout.localWidth(k - 1) - 3 || zone(at: k) != nil {
                break
            }
        }
        return (lines, k)
    }
}

final class ZoneCache {
    var answers: [Int: (segments: [[Int]], next: Int)?] = [:]
}
