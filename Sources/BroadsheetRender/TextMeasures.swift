import BroadsheetModel
import Foundation

/// A short teaser taken from the start of an article, cut where a sentence ends.
public enum Excerpt {
    /// An article's list-entry excerpt: `make` over its paragraphs.
    public static func of(_ article: Article) -> String {
        make(from: article.body.lazy.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text } else { return nil }
        })
    }

    /// At most `limit` characters (Swift Characters, so one per Hanzi) from the start of the
    /// paragraphs. Cuts after the last sentence end that fits; when no sentence ends within
    /// the limit, cuts at the limit and adds `…`.
    public static func make(from paragraphs: some Sequence<String>, limit: Int = 120) -> String {
        // Only as many paragraphs as can reach the limit: long articles are not walked whole.
        var text = ""
        var length = 0
        for paragraph in paragraphs {
            guard length <= limit else { break }
            let trimmed = trimmed(paragraph)
            text += trimmed
            length += trimmed.unicodeScalars.count
        }
        // Where every scalar is a character of its own (Hanzi, CJK and ASCII punctuation: nearly
        // every excerpt), the window is cut on scalars; grapheme breaking is the costly part.
        if text.unicodeScalars.allSatisfy(isOwnCharacter) {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count > limit else { return text }
            let window = scalars[..<limit]
            var view = String.UnicodeScalarView()
            switch cut(window.map(\.value), limit: limit) {
            case .some(let end): view.append(contentsOf: window[..<end]); return String(view)
            case .none: view.append(contentsOf: window); return String(view) + "…"
            }
        }
        guard text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map({ $0 < text.endIndex }) ?? false else { return text }
        let window = Array(text.prefix(limit))
        switch cut(window.map { single($0) ?? 0 }, limit: limit) {
        case .some(let end): return String(window[..<end])
        case .none: return String(window) + "…"
        }
    }

    /// Where to cut a window of characters, given as scalar values (0 for a character of several
    /// scalars, which is no mark): after the last sentence end with its closing marks, or nil
    /// when that keeps less than a third of the budget (a stub; the caller cuts hard instead).
    static func cut(_ window: [UInt32], limit: Int) -> Int? {
        var cut: Int?
        var i = 0
        while i < window.count {
            if isSentenceEnd(window[i]) {
                var end = i + 1
                while end < window.count, isSentenceEnd(window[end]) || isCloser(window[end]) { end += 1 }
                cut = end
                i = end
            } else {
                i += 1
            }
        }
        guard let cut, cut >= limit / 3 else { return nil }
        return cut
    }

    /// Scalars that always form a character alone, whatever their neighbours: printable ASCII,
    /// CJK punctuation, the unified ideographs, general punctuation without joiners or
    /// controls, full-width forms.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// A Character equals one of these marks only when it is that one scalar (none of them has a
    /// canonical decomposition), so the tests look at scalar values: no hashing of Characters.
    static func single(_ ch: Character) -> UInt32? {
        let scalars = ch.unicodeScalars
        return scalars.count == 1 ? scalars.first!.value : nil
    }

    static func isSentenceEnd(_ ch: Character) -> Bool { single(ch).map(isSentenceEnd) ?? false }
    static func isCloser(_ ch: Character) -> Bool { single(ch).map(isCloser) ?? false }

    /// Ends a Chinese sentence: 。！？!?…
    static func isSentenceEnd(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026: return true
        default: return false
        }
    }

    /// A closing mark that may follow a sentence end: ”’」』）)》
    static func isCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B: return true
        default: return false
        }
    }

    /// `text` without leading and trailing spaces, as Foundation's `trimmingCharacters(in:
    /// .whitespaces)` trims (its set, enumerated: tab, Zs and U+200B), without bridging to NSString.
    static func trimmed(_ text: String) -> String {
        func isPadding(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPadding($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isPadding($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}

/// Minutes needed to read an article, counted in characters as Chinese readers read.
public enum ReadingTime {
    public static let charactersPerMinute = 450

    /// Non-space characters divided by the reading speed, rounded up, at least one minute.
    public static func minutes(for text: String) -> Int { minutes(forCharacters: characters(in: text)) }

    public static func minutes(forCharacters count: Int) -> Int {
        max(1, (count + charactersPerMinute - 1) / charactersPerMinute)
    }

    /// Characters other than spaces. Counted over scalars (combining marks excluded), which is
    /// the same count for Chinese text and far cheaper than grapheme clusters on long articles.
    public static func characters(in text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            switch scalar.value {
            // Hanzi and CJK punctuation, the bulk of the text: no property lookup needed.
            case 0x3001...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return count + 1
            case 0x21...0x7E: return count + 1
            default:
                let p = scalar.properties
                let invisible = p.isWhitespace || p.generalCategory == .nonspacingMark || p.generalCategory == .enclosingMark
                    || scalar == "\u{200D}" || p.isVariationSelector
                return invisible ? count : count + 1
            }
        }
    }
}
