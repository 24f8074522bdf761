/// A short teaser taken from the start of an article, cut where a sentence ends.
public enum Excerpt {
    /// Characters that end a Chinese sentence, and closing marks that may follow one.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "…"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "》"]

    /// At most `limit` characters (Swift Characters, so one per Hanzi) from the start of the
    /// paragraphs. Cuts after the last sentence end that fits; when no sentence ends within
    /// the limit, cuts at the limit and adds `…`.
    public static func make(from paragraphs: [String], limit: Int = 120) -> String {
        let text = paragraphs.map { $0.trimmingCharacters(in: [" ", "\u{3000}"]) }.filter { !$0.isEmpty }.joined()
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
    public static func minutes(for text: String) -> Int {
        let characters = text.filter { !$0.isWhitespace }.count
        return max(1, (characters + charactersPerMinute - 1) / charactersPerMinute)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
