import BroadsheetModel
import BroadsheetText

/// The parts of a headline block once its lines are read.
struct Headline: Equatable {
    var kicker: String?
    var title: String?
    var subtitle: String?
    var authors: [Author] = []
    var column: String?
    var banner: String?
}

/// Reads the lines of one article's headline block: kicker above, title, deck below, bylines,
/// column names. Wrapped lines are rejoined when the body shows the words run on.
enum HeadlineInterpreter {
    /// `lines` in printed order; `body` is the article's text (used to recognise wrapped lines).
    static func interpret(_ lines: [String], body: String) -> Headline {
        var headline = Headline()
        var parts: [(text: String, kind: HeadlineLineKind)] = []
        var afterByline = false
        for raw in lines {
            let line = raw.trimmingSpaces()
            guard !line.isEmpty else { continue }
            let kind = HeadlineLineRules.kind(line)
            // A short line after the byline is the column the story ran under (`记者观察`).
            if kind == .headline, afterByline, line.count <= 6, headline.column == nil {
                headline.column = line
                continue
            }
            switch kind {
            case .byline, .names: afterByline = true
            default: break
            }
            switch kind {
            case .byline: headline.authors += BylineParser.parseLine(line) ?? []
            case .names: headline.authors += BylineParser.parseNameList(line) ?? []
            case .banner: headline.banner = headline.banner ?? LayoutSpaces.headline(line)
            case .caption: continue
            case .headline where hasClausePunctuation(line):
                // A line that reads as sentences (`听取…汇报；部署…`) is a deck, whatever its place.
                parts.append((LayoutSpaces.headline(line), .deck))
            default: parts.append((LayoutSpaces.headline(line), kind))
            }
        }
        parts = joinWrapped(parts, body: body)
        var kickers = parts.filter { $0.kind == .kicker }.map { strip($0.text) }
        var decks = parts.filter { $0.kind == .deck }.map { strip($0.text) }
        let plain = parts.filter { $0.kind == .headline }.map(\.text)
        switch plain.count {
        case 0: break
        case 1: headline.title = plain[0]
        case 2:
            // Two unmarked lines: a kicker stands above the title, unless a kicker is already
            // marked (`省商务厅——`), in which case the second line is the deck.
            let (a, b) = (plain[0], plain[1])
            if !kickers.isEmpty {
                headline.title = a
                decks.insert(b, at: 0)
            } else {
                kickers.append(a)
                headline.title = b
            }
        case 3:
            kickers.append(plain[0])
            headline.title = plain[1]
            decks.insert(plain[2], at: 0)
        default:
            // The longest line is the title; what stands above is kicker, what stands below is deck.
            let longest = plain.map(\.count).max() ?? 0
            let index = plain.firstIndex { $0.count == longest } ?? 0
            headline.title = plain[index]
            kickers += plain[..<index]
            decks = Array(plain[(index + 1)...]) + decks
        }
        headline.kicker = kickers.isEmpty ? nil : kickers.joined(separator: " ")
        headline.subtitle = decks.isEmpty ? nil : decks.joined(separator: " ")
        return headline
    }

    static func hasClausePunctuation(_ line: String) -> Bool {
        HeadlineLineRules.unquoted(line).contains { "，；。,;".contains($0) }
    }

    /// Drops the typographic dashes that mark a kicker (`省商务厅——`) or a deck (`——…纪实`).
    static func strip(_ text: String) -> String {
        var t = Substring(text)
        while t.hasPrefix("—") || t.hasPrefix("-") { t = t.dropFirst() }
        while t.hasSuffix("—") || t.hasSuffix("-") { t = t.dropLast() }
        return String(t).trimmingSpaces()
    }

    static let connectors: Set<Character> = ["暨", "和", "与", "及", "并", "的", "之", "在", "为", "向", "到"]

    /// Rejoins a headline printed over two lines: the second line starts with a connector, or the
    /// body contains the words that run across the line break.
    static func joinWrapped(_ parts: [(text: String, kind: HeadlineLineKind)], body: String) -> [(text: String, kind: HeadlineLineKind)] {
        var out: [(text: String, kind: HeadlineLineKind)] = []
        // Built on first use: most headline blocks never ask the body.
        var compact: String?
        func compactBody() -> String {
            if let compact { return compact }
            let made = compacted(body)
            compact = made
            return made
        }
        for part in parts {
            if let last = out.last, last.kind == .headline, part.kind == .headline,
               !last.text.contains(" "), !part.text.contains(" "), part.text.count <= 24,
               runsOn(last.text, part.text, body: compactBody) {
                out[out.count - 1].text = last.text + part.text
            } else {
                out.append(part)
            }
        }
        return out
    }

    /// The text without whitespace (on scalars when they are all simple, see SimpleScalars).
    static func compacted(_ text: String) -> String {
        guard let scalars = SimpleScalars.of(text) else { return text.filter { !$0.isWhitespace } }
        return SimpleScalars.string(scalars.filter { !CJK.isWhitespace(Unicode.Scalar($0)!) })
    }

    static func runsOn(_ a: String, _ b: String, body bodyText: () -> String) -> Bool {
        guard let first = b.first, let lastA = a.last else { return false }
        if connectors.contains(first) { return true }
        let body = bodyText()
        // Three characters across the break found together in the body.
        let tail = String(a.suffix(2)), head = String(b.prefix(2))
        if tail.count == 2, head.count == 2, body.canonicalContains(tail + head) { return true }
        return body.canonicalContains(String([lastA, first])) && body.canonicalContains(String(a.suffix(1)) + String(b.prefix(3)))
    }
}
