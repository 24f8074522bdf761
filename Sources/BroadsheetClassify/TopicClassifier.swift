import BroadsheetModel
import BroadsheetText

/// Assigns topics by weighted vocabulary counts over normalised (simplified) text.
public struct TopicClassifier: Sendable {
    public let topics: [TopicConfig]
    let normalizer: SearchNormalizer

    public init(topics: [TopicConfig], normalizer: SearchNormalizer = SearchNormalizer()) {
        self.topics = topics
        self.normalizer = normalizer
    }

    /// Scores every configured topic; a topic is assigned when its score reaches the threshold.
    public func classify(_ article: Article) -> [TopicScore] {
        let text = normalizer.normalize([article.kicker, article.title, article.subtitle, article.plainText]
            .compactMap { $0 }.joined(separator: "\n"))
        return topics.map { topic in
            var hits: [TermHit] = []
            var score = 0.0
            for (term, weight) in topic.sortedTerms {
                let count = text.occurrences(of: normalizer.normalize(term))
                if count > 0 {
                    hits.append(TermHit(term: term, count: count, weight: weight))
                    score += weight * Double(count)
                }
            }
            let threshold = topic.threshold ?? 6
            return TopicScore(topic: topic.id, score: score, terms: hits, assigned: score >= threshold)
        }
    }
}

extension String {
    /// Non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var range = startIndex..<endIndex
        while let found = self.range(of: needle, range: range) {
            count += 1
            range = found.upperBound..<endIndex
        }
        return count
    }
}
