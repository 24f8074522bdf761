import BroadsheetModel
import BroadsheetText

/// Where in an article a piece of text stands; terms weigh more the nearer they are to the headline.
public enum TextZone: String, Sendable, Codable, CaseIterable {
    /// Kicker, printed title, subtitle.
    case headline
    /// Section heads inside the body.
    case heading
    /// The first paragraph.
    case lead
    /// Everything else: paragraphs, captions.
    case body
}

/// An article's text as the matcher reads it: normalised (NFKC, lower case, traditional folded to
/// simplified per character, exactly as search does), without whitespace or pinyin annotations,
/// one zone per scalar. Segments are separated by a newline so that no term spans two of them.
struct MatchText {
    static let separator: UnicodeScalar = "\n"

    private(set) var scalars: [UnicodeScalar] = []
    private(set) var zones: [TextZone] = []
    /// Scalars outside the headline, separators excluded: the length densities are measured against.
    private(set) var bodyLength = 0

    init(article: Article, normalizer: SearchNormalizer) {
        // A generated title repeats the lead; weighing it as a printed headline would count the lead twice.
        let headline = [article.kicker, article.titleGenerated ? nil : article.title, article.subtitle]
        for case let text? in headline { append(text, zone: .headline, normalizer: normalizer) }
        var leadTaken = false
        for segment in Self.segments(of: article.body) {
            var zone = segment.isHeading ? TextZone.heading : TextZone.body
            if !segment.isHeading, !segment.isCaption, !leadTaken {
                zone = .lead
                leadTaken = true
            }
            append(segment.text, zone: zone, normalizer: normalizer)
        }
    }

    private mutating func append(_ text: String, zone: TextZone, normalizer: SearchNormalizer) {
        let cleaned = Self.clean(normalizer.normalize(text))
        guard !cleaned.isEmpty else { return }
        if !scalars.isEmpty {
            scalars.append(Self.separator)
            zones.append(zone)
        }
        scalars.append(contentsOf: cleaned)
        zones.append(contentsOf: repeatElement(zone, count: cleaned.count))
        if zone != .headline { bodyLength += cleaned.count }
    }

    /// Drops whitespace (layout spaces and hard line breaks split words in OCR text) and pinyin
    /// annotations such as `稳(wěn)`, which would otherwise cut a term in two.
    static func clean(_ text: String) -> [UnicodeScalar] {
        let input = Array(text.unicodeScalars)
        var out: [UnicodeScalar] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            if CJK.isWhitespace(scalar) {
                index += 1
                continue
            }
            if scalar == "(", let last = out.last, CJK.isIdeograph(last), let end = pinyinEnd(input, from: index + 1) {
                index = end + 1
                continue
            }
            out.append(scalar)
            index += 1
        }
        return out
    }

    /// Index of the `)` closing a run of (possibly tone-marked) Latin letters that starts at `start`.
    private static func pinyinEnd(_ input: [UnicodeScalar], from start: Int) -> Int? {
        var index = start
        while index < input.count, index - start <= 8 {
            let value = input[index].value
            if input[index] == ")" { return index > start ? index : nil }
            let latin = (0x61...0x7A).contains(value) || (0xC0...0x24F).contains(value) || (0x300...0x36F).contains(value)
            if !latin { return nil }
            index += 1
        }
        return nil
    }

    struct Segment {
        var text: String
        var isHeading = false
        var isCaption = false
    }

    /// The body as segments; Markdown blocks are split into paragraphs and `#` headings.
    static func segments(of body: [Block]) -> [Segment] {
        var out: [Segment] = []
        for block in body {
            switch block {
            case .paragraph(let text): out.append(Segment(text: text))
            case .heading(_, let text): out.append(Segment(text: text, isHeading: true))
            case .figure(let caption, _): out.append(Segment(text: caption, isCaption: true))
            case .markdown(let text): out.append(contentsOf: markdownSegments(text))
            }
        }
        return out
    }

    private static func markdownSegments(_ text: String) -> [Segment] {
        var out: [Segment] = []
        var paragraph: [Substring] = []
        func flush() {
            if !paragraph.isEmpty { out.append(Segment(text: paragraph.joined(separator: "\n"))) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                flush()
            } else if trimmed.hasPrefix("#") {
                flush()
                out.append(Segment(text: String(trimmed.drop { $0 == "#" }), isHeading: true))
            } else {
                paragraph.append(trimmed.drop { $0 == ">" })
            }
        }
        flush()
        return out
    }
}
