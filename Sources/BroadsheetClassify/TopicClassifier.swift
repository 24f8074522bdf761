import BroadsheetModel
import BroadsheetText

/// Assigns topics from the weighted vocabulary in site.yml.
///
/// A topic's score is the points of its terms in the headline (kicker, title, subtitle) plus the
/// density of its terms in the body: weighted hits per 1,000 characters, over the whole body or
/// (discounted) over its densest stretch, whichever is higher. Terms in the lead and in section heads weigh
/// more than terms further down. A topic is assigned when the score reaches the threshold and at
/// least `minTerms` distinct terms were found. Negative terms subtract, and hide the positive terms
/// inside them.
///
/// Text is matched after `SearchNormalizer` (per-character t2s), not whole-string OpenCC: terms and
/// text then fold by the same table, whatever their context, so a traditional article and its
/// simplified twin score alike, and topics and search agree on what a word is.
public struct TopicClassifier: Sendable {
    public let topics: [TopicConfig]
    public let rules: ScoringRules
    let normalizer: SearchNormalizer
    private let matchers: [TermMatcher]

    public init(topics: [TopicConfig], rules: ScoringRules = ScoringRules(), normalizer: SearchNormalizer = SearchNormalizer()) {
        self.topics = topics
        self.rules = rules
        self.normalizer = normalizer
        self.matchers = topics.map { TermMatcher(topic: $0, normalizer: normalizer) }
    }

    /// Scores every configured topic; `assigned` says whether the topic applies.
    public func classify(_ article: Article) -> [TopicScore] {
        explain(article).map(\.topicScore)
    }

    /// The article with its scores, and its topics unless its front matter set them.
    public func apply(to article: Article) -> Article {
        var copy = article
        copy.topicScores = classify(article)
        if !article.topicsOverridden { copy.topics = copy.topicScores.filter(\.assigned).map(\.topic) }
        return copy
    }

    /// Every topic's score with the figures and terms behind it.
    public func explain(_ article: Article) -> [TopicExplanation] {
        let text = MatchText(article: article, normalizer: normalizer)
        return zip(topics, matchers).map { topic, matcher in explain(topic, matcher, text) }
    }

    private func explain(_ topic: TopicConfig, _ matcher: TermMatcher, _ text: MatchText) -> TopicExplanation {
        let titleWeight = topic.titleWeight ?? rules.titleWeight
        var counts: [Int: [TextZone: Int]] = [:]
        var contributions: [Int: Double] = [:]
        var headline = 0.0
        var bodySum = 0.0
        var bodyHits: [(position: Int, points: Double, positive: Bool)] = []
        for match in matcher.matches(in: text.scalars) {
            let zone = text.zones[match.position]
            let points = matcher.terms[match.term].weight * rules.zoneFactor(zone, titleWeight: titleWeight)
            counts[match.term, default: [:]][zone, default: 0] += 1
            contributions[match.term, default: 0] += points
            if zone == .headline {
                headline += points
            } else {
                bodySum += points
                bodyHits.append((match.position, points, points > 0))
            }
        }
        let articleDensity = bodySum * 1000 / Double(max(text.bodyLength, rules.minimumLength))
        let windowDensity = text.bodyLength > rules.window ? densestWindow(bodyHits) * 1000 / Double(rules.window) : 0
        let score = Self.round(headline + max(articleDensity, windowDensity * rules.windowDiscount))
        let hits = counts.keys.sorted().map { index in
            TopicExplanation.Hit(term: matcher.terms[index].text, weight: matcher.terms[index].weight,
                                 counts: counts[index]!, contribution: Self.round(contributions[index]!))
        }.sorted { ($0.contribution.magnitude, $1.term) > ($1.contribution.magnitude, $0.term) }
        let distinct = hits.filter { $0.weight > 0 }.count
        let threshold = topic.threshold ?? rules.threshold
        let minTerms = topic.minTerms ?? rules.minTerms
        return TopicExplanation(
            topic: topic.id, name: topic.name, score: score, threshold: threshold,
            headlineScore: Self.round(headline), articleDensity: Self.round(articleDensity),
            windowDensity: Self.round(windowDensity), distinctTerms: distinct, minTerms: minTerms,
            assigned: score >= threshold && distinct >= minTerms, hits: hits)
    }

    /// The largest sum of points within `rules.window` scalars, over windows starting at a positive hit.
    private func densestWindow(_ hits: [(position: Int, points: Double, positive: Bool)]) -> Double {
        var best = 0.0
        var end = 0
        var sum = 0.0
        for start in hits.indices {
            if start > 0 { sum -= hits[start - 1].points }
            if end < start {
                end = start
                sum = 0
            }
            while end < hits.count, hits[end].position < hits[start].position + rules.window {
                sum += hits[end].points
                end += 1
            }
            if hits[start].positive { best = max(best, sum) }
        }
        return best
    }

    /// Scores are reported to two decimals; rounding here keeps reports and comparisons stable.
    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
