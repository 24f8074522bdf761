import Dispatch
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
    /// The longest bigram list walked to gather candidates. Up to 10,000 articles no weighted
    /// list is longer (see `commonShare`) and the result is exact. Beyond, an article whose best
    /// matches share with it only bigrams found in more than this many articles, and which the
    /// bound below could not rule in or out before, can miss one of them: an approximation that
    /// keeps the work per article bounded instead of growing with the size of the site.
    public var walkLimit = 1000
    /// The most candidates gathered for one article. Scoring each candidate exactly costs a pass
    /// over its bigrams, so without a cap a 100,000-article site of similar texts spent minutes
    /// here (perf: `exactShared` 42% of the build). Once this many articles share a bigram with
    /// this one, only the 40 best by the rarer bigrams already walked are scored exactly: an
    /// approximation, which changes a few lists at 10,000 generated articles (see PERFORMANCE.md).
    public var candidateLimit = 2000

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
    ///
    /// The score of a pair is the weight of the bigrams they share over the geometric mean of
    /// their weights (cosine). Candidates are gathered from the article's rarest bigrams first;
    /// gathering stops as soon as no article not yet seen could score above the fifth best
    /// seen (see `Search`), so that the long lists of common bigrams are rarely walked. The
    /// result is exactly what scoring every pair would give, up to `walkLimit` (see there).
    public func relatedIndices(in articles: [Article]) -> [[Int]] {
        let sets = Parallel.map(articles.count) { Self.bigrams(of: articles[$0]) }
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
        // Every bigram's place when ordered rarest first, so each article's bigrams sort by one integer.
        var rarity = [Int](repeating: 0, count: vocabulary.count)
        for (place, bigram) in vocabulary.indices.sorted(by: { (postings[$0].count, $0) < (postings[$1].count, $1) }).enumerated() {
            rarity[bigram] = place
        }
        let index = Index(postings: postings, documents: documents, weights: weights, norms: norms,
                          inverseRoots: norms.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }, rank: rank,
                          rarity: rarity, maximum: maximum, walkLimit: walkLimit, candidateLimit: candidateLimit)
        let chunk = 64
        let chunks = (articles.count + chunk - 1) / chunk
        let lists = Parallel.map(chunks) { c -> [[Int]] in
            var search = Search(index)
            return ((c * chunk)..<min(articles.count, (c + 1) * chunk)).map { search.best(for: $0) }
        }
        return lists.flatMap { $0 }
    }

    /// The bigram lists of every article, shared read-only by the searches.
    struct Index: Sendable {
        let postings: [[Int]]
        let documents: [[Int]]
        let weights: [Double]
        let norms: [Double]
        /// 1 / sqrt(norm): bounds are products, not square roots and divisions (scores are not).
        let inverseRoots: [Double]
        let rank: [Int]
        let rarity: [Int]
        let maximum: Int
        var walkLimit: Int
        var candidateLimit: Int
    }

    /// One worker's scratch space: shared weight per article touched so far.
    struct Search {
        let index: Index
        var shared: [Double]
        var touched: [Int] = []
        /// Marks the bigrams of the article being searched.
        var mine: [Bool]

        init(_ index: Index) {
            self.index = index
            shared = Array(repeating: 0, count: index.norms.count)
            mine = Array(repeating: false, count: index.weights.count)
        }

        mutating func best(for article: Int) -> [Int] {
            let postings = index.postings, weights = index.weights, norms = index.norms
            let terms = index.documents[article].filter { weights[$0] > 0 }.sorted { index.rarity[$0] < index.rarity[$1] }
            var remaining = terms.reduce(0.0) { $0 + weights[$1] }
            // Rarest bigrams first. An article not yet touched shares at most `remaining` with
            // this one and at most its own norm, so its score is at most sqrt(remaining / norm).
            // The check costs a pass over the touched articles: made only once the lists walked
            // since the last check cost as much, it at most doubles the work.
            var sinceCheck = 0
            var capped = false
            for term in terms {
                if touched.count >= index.maximum, sinceCheck >= touched.count {
                    sinceCheck = 0
                    if fifthPartialScore(of: article) > (remaining / norms[article]).squareRoot() * (1 + 1e-9) { break }
                }
                if postings[term].count > index.walkLimit { break }
                sinceCheck += postings[term].count
                for other in postings[term] where other != article {
                    if shared[other] == 0 { touched.append(other) }
                    shared[other] += weights[term]
                }
                remaining -= weights[term]
                if touched.count >= index.candidateLimit {
                    capped = true
                    break
                }
            }
            // Exact scores, summed in the same order as scoring every pair would, for the
            // candidates that could still make the list: first the best five by the bigrams
            // seen, which sets a bar most of the others cannot reach even with every bigram left.
            for term in index.documents[article] { mine[term] = true }
            var best: [(other: Int, score: Double)] = []
            let leaders = leadingCandidates(of: article)
            for other in leaders { consider(other, of: article, remaining: remaining, into: &best) }
            // Past the candidate cap only the best by the bigrams walked are scored exactly (see
            // `candidateLimit`): scoring thousands of candidates was the cost the cap removes.
            let others = capped ? leadingCandidates(of: article, count: 8 * index.maximum) : touched
            for other in others where !leaders.contains(other) { consider(other, of: article, remaining: remaining, into: &best) }
            for other in touched { shared[other] = 0 }
            for term in index.documents[article] { mine[term] = false }
            touched.removeAll(keepingCapacity: true)
            return best.map(\.other)
        }

        private mutating func consider(_ other: Int, of article: Int, remaining: Double, into best: inout [(other: Int, score: Double)]) {
            guard index.norms[article] > 0, index.norms[other] > 0 else { return }
            let ceiling = (shared[other] + max(0, remaining)) * index.inverseRoots[article] * index.inverseRoots[other] * (1 + 1e-9)
            if best.count == index.maximum, ceiling < best[best.count - 1].score { return }
            let denominator = (index.norms[article] * index.norms[other]).squareRoot()
            let candidate = (other: other, score: exactShared(other) / denominator)
            // Keep the best `maximum` in order: a short insertion, not a sort of every candidate.
            let position = best.firstIndex { ranksBefore(candidate, $0) } ?? best.endIndex
            if position < index.maximum {
                best.insert(candidate, at: position)
                if best.count > index.maximum { best.removeLast() }
            }
        }

        /// The fifth best score so far counting only the bigrams seen: a lower bound of the fifth
        /// best exact score.
        private func fifthPartialScore(of article: Int) -> Double {
            leadingCandidates(of: article).last.map { score(of: $0, article) } ?? 0
        }

        /// The touched articles with the best scores counting only the bigrams seen, best first.
        private func leadingCandidates(of article: Int, count: Int? = nil) -> [Int] {
            let count = count ?? index.maximum
            var top: [(other: Int, score: Double)] = []
            for other in touched {
                let score = score(of: other, article)
                if top.count == count, score <= top[top.count - 1].score { continue }
                let position = top.firstIndex { score > $0.score } ?? top.endIndex
                top.insert((other, score), at: position)
                if top.count > count { top.removeLast() }
            }
            return top.map(\.other)
        }

        /// The score counting only the bigrams seen, for bounds (within 1e-15 of the exact formula).
        private func score(of other: Int, _ article: Int) -> Double {
            shared[other] * index.inverseRoots[article] * index.inverseRoots[other]
        }

        /// The weight an article shares with the one marked in `mine`, added in bigram-id order.
        private func exactShared(_ other: Int) -> Double {
            var sum = 0.0
            for term in index.documents[other] where mine[term] { sum += index.weights[term] }
            return sum
        }

        private func ranksBefore(_ a: (other: Int, score: Double), _ b: (other: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : index.rank[a.other] < index.rank[b.other]
        }
    }
}
