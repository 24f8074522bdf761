import Foundation

/// A short teaser taken from the start of an article, cut where a sentence ends.
public enum Excerpt {
    /// Characters that end a Chinese sentence, and closing marks that may follow one.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "…"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "》"]
    static let paddings = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))

    /// At most `limit` characters (Swift Characters, so one per Hanzi) from the start of the
    /// paragraphs. Cuts after the last sentence end that fits; when no sentence ends within
    /// the limit, cuts at the limit and adds `…`.
    public static func make(from paragraphs: [String], limit: Int = 120) -> String {
        // Only as many paragraphs as can reach the limit: long articles are not walked whole.
        var text = ""
        var length = 0
        for paragraph in paragraphs where length <= limit {
            let trimmed = paragraph.trimmingCharacters(in: paddings)
            text += trimmed
            length += trimmed.unicodeScalars.count
        }
        guard text.count > limit else { return text }
        let window = Array(text.prefix(limit))
        var cut: Int?
        var i = 0
        while i < window.count {
            if sentenceEnds.contains(window[i]) {
                var end = i + 1
                while end < window.count, sentenceEnds.contains(window[end]) || closers.contains(window[end]) { end += 1 }
                cut = end
                i = end
            } else {
                i += 1
            }
        }
        // A cut that keeps less than a third of the budget reads as a stub: prefer the hard cut.
        if let cut, cut >= limit / 3 { return String(window[..<cut]) }
        return String(window) + "…"
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
