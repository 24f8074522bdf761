/// First pass over an OCR page: cuts the lines into paragraphs (rejoining hard wraps and column
/// breaks), section heads, and zones of headline material standing outside the story text.
struct OCRItemScanner {
    enum Item {
        case paragraph([Int])
        case heading(Int)
        case zone([[Int]])
    }

    let layout: OCRLayout

    func scan() -> [Item] {
        var items: [Item] = []
        var i = 0
        while let start = layout.nextNonBlank(from: i) {
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
        var segments: [[Int]] = []
        var strong = false
        var j = i
        while let k = layout.nextNonBlank(from: j), !layout.isDateline(k) {
            let segment = layout.segment(from: k)
            if CaptionParser.parse(layout.joined(segment)) != nil {
                segments.append(segment)
                strong = true
            } else if segment.allSatisfy(layout.isHeadlineLike) {
                segments.append(segment)
                strong = strong || segment.contains { index in
                    HeadlineLineRules.kind(layout.text(index)) != .headline || HeadlineLineRules.isLetterSpaced(layout.text(index))
                }
            } else {
                break
            }
            j = segment.last! + 1
        }
        guard !segments.isEmpty else { return nil }
        let next = layout.nextNonBlank(from: j)
        if next == nil || layout.isDateline(next!) { return (segments, next ?? layout.count) }
        if strong || segments.count >= 2 { return (segments, next!) }
        return nil
    }

    /// A section head inside a story: a short headline-like line followed by a blank, or glued to
    /// a paragraph's first line that a column break then cuts (`开发区示范引领作用持续彰显`).
    func isHeading(at i: Int) -> Bool {
        guard layout.isHeadlineLike(i), HeadlineLineRules.kind(layout.text(i)) == .headline,
              !HeadlineLineRules.isLetterSpaced(layout.text(i)), i + 1 < layout.count else { return false }
        let width = layout.width(i), column = layout.localWidth(i)
        if layout.isBlank(i + 1) {
            guard let k = layout.nextNonBlank(from: i + 1), !layout.isDateline(k), !layout.isHeadlineLike(k) else { return false }
            return Double(width) <= Double(column) * 0.8
        }
        guard i + 2 < layout.count, layout.isBlank(i + 2), !layout.isDateline(i + 1),
              !CharacterRules.endsSentence(layout.text(i + 1)),
              let k = layout.nextNonBlank(from: i + 2), !layout.isDateline(k) else { return false }
        return width <= column + 2
    }

    /// Lines of one paragraph from `start`: joins across column breaks while the sentence runs on.
    func paragraph(from start: Int) -> (lines: [Int], next: Int) {
        var lines: [Int] = []
        var k = start
        while k < layout.count {
            if layout.isBlank(k) {
                if CharacterRules.endsSentence(layout.joined(lines)) { break }
                guard let m = layout.nextNonBlank(from: k), !layout.isDateline(m), zone(at: m) == nil else { break }
                k = m
                continue
            }
            if !lines.isEmpty, layout.isDateline(k) { break }
            lines.append(k)
            let firstOfChunk = k == 0 || layout.isBlank(k - 1)
            k += 1
            guard CharacterRules.endsSentence(layout.text(k - 1)), k < layout.count, !layout.isBlank(k) else { continue }
            if layout.isDateline(k) || firstOfChunk || layout.width(k - 1) < layout.localWidth(k - 1) - 3 || zone(at: k) != nil {
                break
            }
        }
        return (lines, k)
    }
}
