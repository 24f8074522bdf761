import BroadsheetModel

/// The final form of a paragraph's text: layout spaces gone, byline names in the dateline kept
/// apart (`（记者张晓洁 谢希瑶）`), a closing byline (`(張 曄)`) taken out as authors.
enum BodyText {
    nonisolated(unsafe) static let bylineGroup = try! Regex(#"[（(]\s*(?:本报|新华社)?(?:特约|见习|摄影)?(?:记者|記者|通讯员|通訊員|实习生|實習生)[^（()）]{1,40}[）)]"#)
    nonisolated(unsafe) static let closingByline = try! Regex(#"[。！？”!?]\s*[（(]\s*([\p{Han}]{1,4}(?:\s+[\p{Han}]{1,4}){0,5})\s*[）)]\s*$"#)

    static func clean(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let match = rest.firstMatch(of: bylineGroup) {
            out += LayoutSpaces.collapse(String(rest[..<match.range.lowerBound]))
            out += normaliseByline(String(rest[match.range]))
            rest = rest[match.range.upperBound...]
        }
        out += LayoutSpaces.collapse(String(rest))
        // Collapse again across the seams (a space before a byline group).
        return out.trimmingSpaces()
    }

    /// `（记者 郝薇）` → `（记者郝薇）`; `（记者张晓洁 谢希瑶）` keeps the space between names.
    static func normaliseByline(_ group: String) -> String {
        let open = group.first!, close = group.last!
        let tokens = BylineParser.tokens(String(group.dropFirst().dropLast()))
        var parts: [String] = []
        var pendingRole = ""
        for token in tokens {
            if BylineParser.roles.contains(token) { pendingRole += token; continue }
            parts.append(pendingRole + token)
            pendingRole = ""
        }
        if !pendingRole.isEmpty { parts.append(pendingRole) }
        return String(open) + parts.joined(separator: " ") + String(close)
    }

    /// Splits `…发言。(張 曄)` into the text and the names at its end.
    static func splitClosingByline(_ text: String) -> (text: String, authors: [Author]) {
        guard let match = text.firstMatch(of: closingByline), let names = match.output[1].substring else { return (text, []) }
        let tokens = BylineParser.tokens(String(names))
        guard tokens.allSatisfy({ $0.count >= 2 && $0.count <= 4 }) else { return (text, []) }
        // Keep the sentence's final punctuation, which the match starts with.
        let end = text.index(after: match.range.lowerBound)
        return (String(text[..<end]).trimmingSpaces(), tokens.map { Author(name: $0) })
    }
}
