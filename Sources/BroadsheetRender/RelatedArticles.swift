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
        let lists = relatedIndices(in: articles)
        var result: [String: [String]] = [:]
        for (index, article) in articles.enumerated() { result[article.slug] = lists[index].map { articles[$0].slug } }
        return result
    }

    /// Indices of the related articles, best first, for the article at each index.
    public func relatedIndices(in articles: [Article]) -> [[Int]] {
        let sets = articles.map(Self.bigrams)
        // Ids in sorted bigram order: every sum below adds in the same order whatever the input order.
        let vocabulary = Set(sets.flatMap { $0 }).sorted()
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        var postings = Array(repeating: [Int](), count: vocabulary.count)
        let documents = sets.enumerated().map { index, set -> [Int] in
            let ids = set.map { id[$0]! }.sorted()
            for bigram in ids { postings[bigram].append(index) }
            return ids
        }
        let limit = max(10, Int(Double(articles.count) * commonShare))
        let weights = postings.map { docs in
            docs.count > 1 && docs.count <= limit ? log(Double(articles.count) / Double(docs.count)) + 1 : 0
        }
        let norms = documents.map { ids in ids.reduce(0.0) { $0 + weights[$1] } }

        // Each article's place in display order, so that ties are broken without comparing articles.
        var rank = [Int](repeating: 0, count: articles.count)
        for (place, index) in articles.indices.sorted(by: { ArticleOrder.newerFirst(articles[$0], articles[$1]) }).enumerated() {
            rank[index] = place
        }
        var result: [[Int]] = []
        result.reserveCapacity(articles.count)
        var shared = Array(repeating: 0.0, count: articles.count)
        var touched: [Int] = []
        for index in articles.indices {
            for bigram in documents[index] where weights[bigram] > 0 {
                for other in postings[bigram] where other != index {
                    if shared[other] == 0 { touched.append(other) }
                    shared[other] += weights[bigram]
                }
            }
            var best: [(other: Int, score: Double)] = []
            for other in touched {
                let denominator = (norms[index] * norms[other]).squareRoot()
                let candidate = (other: other, score: shared[other] / denominator)
                shared[other] = 0
                guard denominator > 0 else { continue }
                // Keep the best `maximum` in order: a short insertion, not a sort of every candidate.
                let position = best.firstIndex { ranksBefore(candidate, $0, rank: rank) } ?? best.endIndex
                if position < maximum {
                    best.insert(candidate, at: position)
                    if best.count > maximum { best.removeLast() }
                }
            }
            touched.removeAll(keepingCapacity: true)
            result.append(best.map(\.other))
        }
        return result
    }

    private func ranksBefore(_ a: (other: Int, score: Double), _ b: (other: Int, score: Double), rank: [Int]) -> Bool {
        a.score != b.score ? a.score > b.score : rank[a.other] < rank[b.other]
    }
}
