import BroadsheetText

/// Character classes that news typesetting relies on.
enum CharacterRules {
    /// Punctuation that ends a sentence, possibly followed by closing quotes or brackets.
    static let sentenceEnders: Set<Character> = ["。", "！", "？", "!", "?", "…", "；"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "》", "\""]
    /// Punctuation that a headline never contains (headlines use spaces, dashes, quotes and 、).
    static let clausePunctuation: Set<Character> = ["，", "。", "；", "：", "！", "？", ",", ";", ":", "!", "?"]

    static func isIdeograph(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return CJK.isIdeograph(s)
    }

    static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return CJK.isWide(s)
    }

    static func isLatin(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// True when the text, ignoring trailing closers and spaces, ends with sentence-ending punctuation.
    static func endsSentence(_ text: String) -> Bool {
        endsSentenceByScalar(text, strongly: false) ?? endsSentenceByCharacter(text)
    }

    static func endsSentenceByCharacter(_ text: String) -> Bool {
        var s = Substring(text)
        while let last = s.last, last == " " || last == "\u{3000}" { s.removeLast() }
        while let last = s.last, closers.contains(last) { s.removeLast() }
        guard let last = s.last else { return false }
        return sentenceEnders.contains(last)
    }

    /// True when the text ends a sentence with a full stop, question or exclamation mark (not
    /// a semicolon): strong enough to end a paragraph at a line end.
    static func endsSentenceStrongly(_ text: String) -> Bool {
        endsSentenceByScalar(text, strongly: true) ?? endsSentenceStronglyByCharacter(text)
    }

    static func endsSentenceStronglyByCharacter(_ text: String) -> Bool {
        var s = Substring(text)
        while let last = s.last, last == " " || last == "\u{3000}" || closers.contains(last) { s.removeLast() }
        return endsSentenceByCharacter(text) && s.last != "；"
    }

    /// `endsSentence` / `endsSentenceStrongly` read on the scalars at the end of the text, or nil
    /// when a scalar there is not simple (see SimpleScalars: then a scalar need not be a
    /// Character). The dropped spaces and closers never join a neighbour into one Character.
    static func endsSentenceByScalar(_ text: String, strongly: Bool) -> Bool? {
        let u = text.unicodeScalars
        /// The last scalar left once `drop` has removed scalars from the end, if any.
        func last(dropping drop: (UInt32) -> Bool, from end: String.Index = u.endIndex) -> String.Index? {
            var i = end
            while i > u.startIndex, drop(u[u.index(before: i)].value) { i = u.index(before: i) }
            return i > u.startIndex ? u.index(before: i) : nil
        }
        func isWholeCharacter(_ i: String.Index) -> Bool {
            SimpleScalars.isSimple(u[i].value) && (i == u.startIndex || SimpleScalars.isSimple(u[u.index(before: i)].value))
        }
        // Spaces, then closers.
        let spacesEnd = last(dropping: { $0 == 0x20 || $0 == 0x3000 }).map { u.index(after: $0) } ?? u.startIndex
        guard let end = last(dropping: { ScalarSets.closers.contains($0) }, from: spacesEnd) else { return false }
        guard isWholeCharacter(end) else { return nil }
        let ends = ScalarSets.sentenceEnders.contains(u[end].value)
        guard strongly, ends else { return ends }
        // Strongly: spaces and closers in any order, then no semicolon.
        guard let strongEnd = last(dropping: { $0 == 0x20 || $0 == 0x3000 || ScalarSets.closers.contains($0) }) else { return true }
        guard isWholeCharacter(strongEnd) else { return nil }
        return u[strongEnd].value != 0xFF1B
    }

    /// Display width in half-width units: wide characters count 2, everything else 1.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + (isWide($1) || $1 == "\u{3000}" ? 2 : 1) }
    }

    /// `width` of text that is all simple scalars (see SimpleScalars).
    static func width(_ scalars: [UInt32]) -> Int {
        var total = 0
        for v in scalars { total += CJK.isWide(Unicode.Scalar(v)!) || v == 0x3000 ? 2 : 1 }
        return total
    }

    /// Share of characters that are ideographs.
    static func ideographCount(_ text: String) -> Int { text.filter(isIdeograph).count }
}
