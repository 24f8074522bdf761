import BroadsheetModel
import BroadsheetText

/// The final form of a paragraph's text: layout spaces gone, byline names in the dateline kept
/// apart (`（记者张晓洁 谢希瑶）`), a closing byline (`(張 曄)`) taken out as authors.
enum BodyText {
    nonisolated(unsafe) static let bylineGroup = try! Regex(#"[（(]\s*(?:本报|新华社)?(?:特约|见习|摄影)?(?:记者|記者|通讯员|通訊員|实习生|實習生)[^（()）]{1,40}[）)]"#)
    nonisolated(unsafe) static let closingByline = try! Regex(#"[。！？”!?]\s*[（(]\s*([\p{Han}]{1,4}(?:\s+[\p{Han}]{1,4}){0,5})\s*[）)]\s*$"#)

    static func clean(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while rest.containsAnyBytes(roleNeedles), let range = firstBylineGroup(in: rest) {
            out += collapseKeepingQuotedClauses(String(rest[..<range.lowerBound]))
            out += normaliseByline(String(rest[range]))
            rest = rest[range.upperBound...]
        }
        out += collapseKeepingQuotedClauses(String(rest))
        return out.trimmingSpaces()
    }

    /// The range of `text.firstMatch(of: bylineGroup)`; see BylineGroupScanner.
    static func firstBylineGroup(in text: Substring) -> Range<String.Index>? {
        BylineGroupScanner.firstMatch(in: text)
    }

    /// Literals `bylineGroup` needs: a line without any of them skips the regex.
    static let roleWords = ["记者", "記者", "通讯员", "通訊員", "实习生", "實習生"]
    static let roleNeedles = ByteNeedles(roleWords)

    /// Collapses layout spaces but keeps the one separating two clauses inside quotation marks
    /// (`“攻坚促就业 奋进创未来”`): both sides are runs of three or more ideographs, which a
    /// letter-spaced (justified) line never has.
    static func collapseKeepingQuotedClauses(_ text: String) -> String {
        guard text.containsBytes("“") else { return LayoutSpaces.collapse(text) }
        if let scalars = SimpleScalars.of(text) { return SimpleScalars.string(collapseKeepingQuotedClauses(scalars: scalars)) }
        let chars = Array(text)
        var protected = Set<Int>()
        var depth = 0
        for (i, c) in chars.enumerated() {
            if c == "“" { depth += 1 } else if c == "”" { depth = max(0, depth - 1) }
            guard depth > 0, c == " " else { continue }
            let before = chars[..<i].reversed().prefix { CharacterRules.isIdeograph($0) }.count
            let after = chars[(i + 1)...].prefix { CharacterRules.isIdeograph($0) }.count
            if before >= 3, after >= 3 { protected.insert(i) }
        }
        guard !protected.isEmpty else { return LayoutSpaces.collapse(text) }
        var out = ""
        var start = 0
        for index in protected.sorted() {
            out += LayoutSpaces.collapse(String(chars[start..<index])) + " "
            start = index + 1
        }
        return out + LayoutSpaces.collapse(String(chars[start...]))
    }

    /// `collapseKeepingQuotedClauses` on text that is all simple scalars (see SimpleScalars).
    static func collapseKeepingQuotedClauses(scalars: [UInt32]) -> [UInt32] {
        func isIdeograph(_ v: UInt32) -> Bool { CJK.isIdeograph(Unicode.Scalar(v)!) }
        var protected: [Int] = []
        var depth = 0
        for (i, v) in scalars.enumerated() {
            if v == 0x201C { depth += 1 } else if v == 0x201D { depth = max(0, depth - 1) }
            guard depth > 0, v == 0x20 else { continue }
            var before = 0, k = i - 1
            while k >= 0, before < 3, isIdeograph(scalars[k]) { before += 1; k -= 1 }
            var after = 0
            k = i + 1
            while k < scalars.count, after < 3, isIdeograph(scalars[k]) { after += 1; k += 1 }
            if before >= 3, after >= 3 { protected.append(i) }
        }
        guard !protected.isEmpty else { return LayoutSpaces.collapse(scalars: scalars[...]) }
        var out: [UInt32] = []
        var start = 0
        for index in protected {
            out += LayoutSpaces.collapse(scalars: scalars[start..<index])
            out.append(0x20)
            start = index + 1
        }
        return out + LayoutSpaces.collapse(scalars: scalars[start...])
    }

    /// `（记者 郝薇）` → `（记者郝薇）`; `（记者张晓洁 谢希瑶）` keeps the space between names.
    /// A printed separator between names (`（记者王珂、郑海鸥）`) is the text as printed and stays.
    static func normaliseByline(_ group: String) -> String {
        let open = group.first!, close = group.last!
        let inner = group.dropFirst().dropLast()
        let pieces = inner.split(separator: "、", omittingEmptySubsequences: false)
            .map { normaliseNames(String($0)) }
        return String(open) + pieces.joined(separator: "、") + String(close)
    }

    /// Names and roles of one byline piece, one space between names, none after a role.
    private static func normaliseNames(_ text: String) -> String {
        let tokens = BylineParser.tokens(text)
        var parts: [String] = []
        var pendingRole = ""
        for token in tokens {
            if BylineParser.roles.contains(token) { pendingRole += token; continue }
            parts.append(pendingRole + token)
            pendingRole = ""
        }
        if !pendingRole.isEmpty { parts.append(pendingRole) }
        return parts.joined(separator: " ")
    }

    /// False when `closingByline` cannot match: its match ends the text with a closing bracket and
    /// whitespace, so in text that is all simple scalars (see SimpleScalars) the last scalar
    /// other than whitespace must be `）` or `)`.
    static func mayEndWithBracket(_ text: String) -> Bool {
        guard SimpleScalars.all(text) else { return true }
        guard let last = text.unicodeScalars.last(where: { !CJK.isWhitespace($0) }) else { return false }
        return last == "）" || last == ")"
    }

    /// Splits `…发言。(張 曄)` into the text and the names at its end.
    static func splitClosingByline(_ text: String) -> (text: String, authors: [Author]) {
        guard text.containsBytes(")") || text.containsBytes("）"), mayEndWithBracket(text), let match = text.firstMatch(of: closingByline), let names = match.output[1].substring else { return (text, []) }
        let tokens = BylineParser.tokens(String(names))
        guard tokens.allSatisfy({ $0.count >= 2 && $0.count <= 4 }) else { return (text, []) }
        // Keep the sentence's final punctuation, which the match starts with.
        let end = text.index(after: match.range.lowerBound)
        return (String(text[..<end]).trimmingSpaces(), tokens.map { Author(name: $0) })
    }
}
