import Foundation
import BroadsheetModel

/// Picks, for each article, the articles that share the most vocabulary with it: overlap of the
/// character bigrams of title and lead, weighted so that rare bigrams count more. Deterministic:
/// ties fall to the newer article, then to the smaller slug.
public struct RelatedArticles: Sendable {
    public let maximum: Int
    /// Bigrams found in more than this share of the articles (and in more than 10) say nothing
    /// about a subject; skipping them also keeps the work near linear in the number of articles.
    public let commonShare: Double

    public init(maximum: Int = 5, commonShare: Double = 0.1) {
        self.maximum = maximum
        self.commonShare = commonShare
    }

    /// The bigrams of letters, digits and Hanzi in the title and first paragraph.
    public static func bigrams(of article: Article) -> Set<String> {
        let text = ([article.title] + article.paragraphs.prefix(1)).joined(separator: "\n")
        var result = Set<String>()
        var previous: Character?
        for ch in text {
            let isWord = ch.isLetter || ch.isNumber
            if isWord, let p = previous { result.insert(String([p, ch])) }
            previous = isWord ? ch : nil
        }
        return result
    }

    /// Slugs of the related articles, best first, for every article (keyed by slug).
    public func related(in articles: [Article]) -> [String: [String]] {
        let sets = articles.map(Self.bigrams)
        // Bigram ids in sorted order keep every sum below in the same order on every run.
        var postings: [String: [Int]] = [:]
        for (index, set) in sets.enumerated() {
            for bigram in set { postings[bigram, default: []].append(index) }
        }
        let limit = max(10, Int(Double(articles.count) * commonShare))
        var weights: [String: Double] = [:]
        for (bigram, docs) in postings where docs.count > 1 && docs.count <= limit {
            weights[bigram] = log(Double(articles.count) / Double(docs.count)) + 1
        }
        let norms = sets.map { set in set.sorted().reduce(0.0) { $0 + (weights[$1] ?? 0) } }

        var result: [String: [String]] = [:]
        for (index, article) in articles.enumerated() {
            var shared: [Int: Double] = [:]
            for bigram in sets[index].sorted() {
                guard let weight = weights[bigram] else { continue }
                for other in postings[bigram]! where other != index { shared[other, default: 0] += weight }
            }
            let scored = shared.compactMap { other, overlap -> (Int, Double)? in
                let denominator = (norms[index] * norms[other]).squareRoot()
                return denominator > 0 ? (other, overlap / denominator) : nil
            }
            let best = scored.sorted { a, b in
                if a.1 != b.1 { return a.1 > b.1 }
                return ArticleOrder.newerFirst(articles[a.0], articles[b.0])
            }
            result[article.slug] = best.prefix(maximum).map { articles[$0.0].slug }
        }
        return result
    }
}
