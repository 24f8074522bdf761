/// Removes the spaces that typesetting put into Chinese text, keeping the ones that mean something.
enum LayoutSpaces {
    /// Body text: a run of spaces between two wide characters, or between a wide character and a
    /// digit, is layout; between Latin words or digits a single space stays.
    static func collapse(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\u{3000}" || c == "\u{00A0}" || c == "\t" {
                var j = i
                while j < chars.count, [" ", "\u{3000}", "\u{00A0}", "\t"].contains(chars[j]) { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let before, let after, keepsSpace(before, after) { out.append(" ") }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A space survives only between two narrow (Latin/digit/ASCII punctuation) characters.
    static func keepsSpace(_ a: Character, _ b: Character) -> Bool {
        if CharacterRules.isWide(a) || CharacterRules.isWide(b) { return false }
        return true
    }

    /// Headline lines: letter-spaced headlines (`市 政 府 召 开`) lose every space; otherwise spaces
    /// between clauses stay as one space, and spaces next to digits or punctuation go.
    static func headline(_ text: String) -> String {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" }).map(String.init)
        guard tokens.count > 1 else { return collapse(text) }
        let singles = tokens.filter { $0.count == 1 }.count
        if singles * 2 >= tokens.count { return collapse(text) }
        var out = ""
        for token in tokens {
            let piece = collapse(token)
            if let last = out.last, let first = piece.first {
                let digitEdge = CharacterRules.isDigit(last) || CharacterRules.isDigit(first)
                if !CharacterRules.isWide(last) && !CharacterRules.isWide(first) {
                    out.append(" ")   // between Latin words or numbers
                } else if !digitEdge && token.count >= 2 && lastTokenLength(out) >= 2 {
                    out.append(" ")   // between two clauses of a headline
                }
            }
            out += piece
        }
        return out
    }

    private static func lastTokenLength(_ text: String) -> Int {
        text.reversed().prefix { $0 != " " }.count
    }

    /// Joins two hard-wrapped lines: no space between wide characters, one between Latin words.
    static func join(_ a: String, _ b: String) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        if CharacterRules.isLatin(last) && CharacterRules.isLatin(first) { return a + " " + b }
        return a + b
    }
}
