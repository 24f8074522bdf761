import BroadsheetModel
import BroadsheetText

/// Finds one topic's terms in a `MatchText` by forward longest match: at each position the longest
/// term that starts there wins and the scan moves past it. So `稳就业` is counted once, not also
/// as `就业`, and a negative phrase (`政治生态`) hides the positive term inside it (`生态`).
struct TermMatcher: Sendable {
    struct Term: Sendable {
        /// As written in the configuration, for reports.
        var text: String
        var scalars: [UnicodeScalar]
        /// Negative for the topic's negative terms.
        var weight: Double
    }

    struct Match {
        var term: Int
        var position: Int
    }

    let terms: [Term]
    /// First scalar → indices of the terms starting with it, longest first.
    private let byFirst: [UnicodeScalar: [Int]]
    /// The BMP scalars that start a term, as bits: most positions start none, and the bit test
    /// spares them the dictionary lookup.
    private let startsTerm: [UInt64]

    init(topic: TopicConfig, normalizer: SearchNormalizer) {
        var terms: [Term] = []
        var seen: Set<[UnicodeScalar]> = []
        let positive = topic.terms.map { ($0.key, $0.value) }
        let negative = topic.negative.map { ($0.key, -abs($0.value)) }
        // Sorted so that the result never depends on dictionary order; when two spellings
        // normalise alike (繁/简), the first one in this order is kept.
        for (text, weight) in (positive + negative).sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            let scalars = MatchText.clean(normalizer.normalize(text))
            guard !scalars.isEmpty, !seen.contains(scalars), weight != 0 else { continue }
            seen.insert(scalars)
            terms.append(Term(text: text, scalars: scalars, weight: weight))
        }
        var byFirst: [UnicodeScalar: [Int]] = [:]
        for (index, term) in terms.enumerated() { byFirst[term.scalars[0], default: []].append(index) }
        for key in byFirst.keys {
            byFirst[key]!.sort { (terms[$1].scalars.count, $0) < (terms[$0].scalars.count, $1) }
        }
        self.terms = terms
        self.byFirst = byFirst
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for first in byFirst.keys where first.value < 0x10000 { bits[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63) }
        startsTerm = bits
    }

    func matches(in text: [UnicodeScalar]) -> [Match] {
        var out: [Match] = []
        var position = 0
        while position < text.count {
            let value = text[position].value
            if value < 0x10000, startsTerm[Int(value >> 6)] & (1 << UInt64(value & 63)) == 0 {
                position += 1
                continue
            }
            guard let candidates = byFirst[text[position]] else {
                position += 1
                continue
            }
            var advanced = false
            for index in candidates where Self.matches(terms[index].scalars, in: text, at: position) {
                out.append(Match(term: index, position: position))
                position += terms[index].scalars.count
                advanced = true
                break
            }
            if !advanced { position += 1 }
        }
        return out
    }

    private static func matches(_ needle: [UnicodeScalar], in text: [UnicodeScalar], at position: Int) -> Bool {
        guard position + needle.count <= text.count else { return false }
        for offset in 1..<needle.count where text[position + offset] != needle[offset] { return false }
        return true
    }
}
