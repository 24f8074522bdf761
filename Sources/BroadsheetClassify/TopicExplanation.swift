import BroadsheetModel

/// Why an article did or did not get a topic: the figures behind its `TopicScore`.
public struct TopicExplanation: Sendable, Equatable {
    public struct Hit: Sendable, Equatable {
        public var term: String
        /// Configured weight; negative for a negative term.
        public var weight: Double
        /// Occurrences per zone.
        public var counts: [TextZone: Int]
        /// What the hit added to the article-wide sum (weight × zone factor × count).
        public var contribution: Double
        public var count: Int { counts.values.reduce(0, +) }
    }

    public var topic: String
    public var name: String
    /// Headline part + body density; compared with `threshold`.
    public var score: Double
    public var threshold: Double
    /// Points from terms in the kicker, title and subtitle.
    public var headlineScore: Double
    /// Weighted hits per 1,000 characters of the whole body.
    public var articleDensity: Double
    /// Weighted hits per 1,000 characters in the densest stretch of the body (a section of a long
    /// report), before the discount; 0 when the body is no longer than one stretch.
    public var windowDensity: Double
    public var distinctTerms: Int
    public var minTerms: Int
    public var assigned: Bool
    /// Hits, largest contribution first.
    public var hits: [Hit]

    /// One line of reasoning, e.g. `only 1 distinct term (needs 2)`.
    public var reason: String {
        if assigned {
            return "assigned: score \(Self.format(score)) ≥ \(Self.format(threshold)) with \(distinctTerms) distinct terms"
        }
        if distinctTerms == 0 { return "not assigned: no term found" }
        if distinctTerms < minTerms {
            let found = "only \(distinctTerms) distinct term\(distinctTerms == 1 ? "" : "s")"
            return "not assigned: \(found) (needs \(minTerms)), a passing mention at most"
        }
        return "not assigned: score \(Self.format(score)) < \(Self.format(threshold))"
    }

    /// The `TopicScore` that build-report.json carries.
    public var topicScore: TopicScore {
        TopicScore(topic: topic, score: score,
                   terms: hits.map { TermHit(term: $0.term, count: $0.count, weight: $0.weight) }, assigned: assigned)
    }

    /// `就业 ×12 (w2; title 1, lead 3)`: a hit as a reader wants to see it.
    public static func describe(_ hit: Hit) -> String {
        let zones = TextZone.allCases.compactMap { zone -> String? in
            guard let count = hit.counts[zone], count > 0, zone != .body else { return nil }
            return "\(zone.rawValue) \(count)"
        }
        let place = zones.isEmpty ? "" : "; " + zones.joined(separator: ", ")
        return "\(hit.term) ×\(hit.count) (w\(format(hit.weight))\(place))"
    }

    /// Two decimals at most, no trailing zeros: stable text for reports and tests.
    public static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension TopicExplanation {
    /// The explanation of one article as YAML comment lines (`# …`), one topic per line with its
    /// deciding terms, for `broadsheet convert --explain`.
    public static func commentLines(_ explanations: [TopicExplanation], article: Article,
                                    rules: ScoringRules = ScoringRules(), termLimit: Int = 8) -> [String] {
        var lines = ["# topics: score = headline points + max(density, \(format(rules.windowDiscount)) × densest \(rules.window)-character stretch), per 1,000 characters"]
        if article.topicsOverridden {
            let computed = explanations.filter(\.assigned).map(\.topic)
            lines.append("# topics set by front matter; the classifier alone would give [\(computed.joined(separator: ", "))]")
        }
        for item in explanations {
            lines.append("#   \(item.topic) (\(item.name)): \(item.reason)")
            guard !item.hits.isEmpty else { continue }
            lines.append("#     headline \(format(item.headlineScore)), density \(format(item.articleDensity)), densest stretch \(format(item.windowDensity))")
            let shown = item.hits.prefix(termLimit).map(describe).joined(separator: ", ")
            let more = item.hits.count > termLimit ? ", … \(item.hits.count - termLimit) more" : ""
            lines.append("#     terms: \(shown)\(more)")
        }
        return lines
    }
}
