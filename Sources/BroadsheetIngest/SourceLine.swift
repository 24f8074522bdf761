/// One input line with its 1-based line number, after cleanup.
struct SourceLine: Sendable, Equatable {
    var text: String
    var number: Int
    /// Only spaces. On scalars: a scalar outside the set makes the Character holding it a non-space.
    var isBlank: Bool { text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{00A0}" } }
    /// The text without surrounding spaces (ASCII, ideographic, no-break).
    var trimmed: String { text.trimmingSpaces() }
}

/// Built once: building the set on every call was a hot spot.
private let spaces: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{FEFF}"]

extension StringProtocol {
    func trimmingSpaces() -> String {
        // On scalars: exact when the scalars beside the cuts are simple (none extends a removed
        // space into a larger Character, see SimpleScalars); otherwise by Character below.
        let u = unicodeScalars
        var start = u.startIndex, end = u.endIndex
        while start < end, SimpleScalars.isTrimmedSpace(u[start].value) { start = u.index(after: start) }
        while end > start, SimpleScalars.isTrimmedSpace(u[u.index(before: end)].value) { end = u.index(before: end) }
        // Nothing to trim (most lines): the String itself, not a copy. Neither end scalar is a
        // space, so neither end Character is one.
        if start == u.startIndex, end == u.endIndex, let same = self as? String { return same }
        if start == end || (SimpleScalars.isSimple(u[start].value) && SimpleScalars.isSimple(u[u.index(before: end)].value)) {
            return String(self[start..<end])   // both cuts are Character boundaries
        }
        return trimmingSpacesByCharacter()
    }

    func trimmingSpacesByCharacter() -> String {
        var s = Substring(self)
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
