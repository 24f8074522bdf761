/// One input line with its 1-based line number, after cleanup.
struct SourceLine: Sendable, Equatable {
    var text: String
    var number: Int
    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{00A0}" } }
    /// The text without surrounding spaces (ASCII, ideographic, no-break).
    var trimmed: String { text.trimmingSpaces() }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        let spaces: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{FEFF}"]
        while let f = s.first, spaces.contains(f) { s.removeFirst() }
        while let l = s.last, spaces.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// First match of a regular expression as an array of capture groups (index 0 = whole match).
    func firstMatch(_ regex: Regex<AnyRegexOutput>) -> [String?]? {
        guard let match = self.firstMatch(of: regex) else { return nil }
        return match.output.map { $0.substring.map(String.init) }
    }
}
