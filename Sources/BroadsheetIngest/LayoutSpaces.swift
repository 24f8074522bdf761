import BroadsheetText

/// Removes the spaces that typesetting put into Chinese text, keeping the ones that mean something.
enum LayoutSpaces {
    /// Body text: a run of spaces between two wide characters, or between a wide character and a
    /// digit, is layout; between Latin words or digits a single space stays.
    static func collapse(_ text: String) -> String {
        // Without any space there is nothing to collapse.
        guard text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) || text.containsBytes("\u{3000}") || text.containsBytes("\u{00A0}") else { return text }
        if let scalars = SimpleScalars.of(text) { return SimpleScalars.string(collapse(scalars: scalars[...])) }
        return collapseByCharacter(text)
    }

    static func collapseByCharacter(_ text: String) -> String {
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

    /// `collapse` on text that is all simple scalars (see SimpleScalars).
    static func collapse(scalars: ArraySlice<UInt32>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if isLayoutSpace(scalars[i]) {
                var j = i
                while j < scalars.endIndex, isLayoutSpace(scalars[j]) { j += 1 }
                if let before = out.last, j < scalars.endIndex,
                   !CJK.isWide(Unicode.Scalar(before)!), !CJK.isWide(Unicode.Scalar(scalars[j])!) { out.append(0x20) }
                i = j
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return out
    }

    @inline(__always)
    static func isLayoutSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x3000 || v == 0xA0 || v == 0x09 }

    /// `CharacterRules.width(collapse(text))` for text that is all simple scalars (see
    /// SimpleScalars), without building the collapsed text.
    static func collapsedWidth(_ scalars: [UInt32]) -> Int {
        var total = 0
        var previous: UInt32?
        var inRun = false
        for v in scalars {
            if isLayoutSpace(v) { inRun = true; continue }
            let wide = CJK.isWide(Unicode.Scalar(v)!)
            if inRun, let previous, !CJK.isWide(Unicode.Scalar(previous)!), !wide { total += 1 }
            inRun = false
            total += wide ? 2 : 1
            previous = v
        }
        return total
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

    /// `a = join(a, b)` in place: joining many lines copies the text once, not once a line.
    static func append(_ b: String, to a: inout String) {
        if let last = a.last, let first = b.first, CharacterRules.isLatin(last) && CharacterRules.isLatin(first) { a += " " }
        a += b
    }
}
