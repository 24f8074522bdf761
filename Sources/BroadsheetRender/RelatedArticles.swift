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

    /// The text whose bigrams are compared: the title and the first paragraph.
    public static func text(of article: Article) -> String {
        let lead = article.body.first { if case .paragraph = $0 { return true } else { return false } }
        guard case .paragraph(let paragraph)? = lead else { return article.title }
        return article.title + "\n" + paragraph
    }

    /// The bigrams of letters, digits and Hanzi in the title and first paragraph (the definition;
    /// the search uses the same set as integers, see BigramKeys).
    public static func bigrams(of article: Article) -> Set<String> {
        var result = Set<String>()
        var previous: Character?
        for ch in text(of: article) {
            let isWord = ch.isLetter || ch.isNumber
            if isWord, let p = previous { result.insert(String([p, ch])) }
            previous = isWord ? ch : nil
        }
        return result
    }

    /// Each article's place in display order, so that ties are broken without comparing articles.
    public static func ranks(of articles: [Article]) -> [Int] {
        var rank = [Int](repeating: 0, count: articles.count)
        for (place, index) in articles.indices.sorted(by: { ArticleOrder.newerFirst(articles[$0], articles[$1]) }).enumerated() {
            rank[index] = place
        }
        return rank
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
        relatedIndices(texts: Parallel.map(articles.count) { Self.text(of: articles[$0]) }, ranks: Self.ranks(of: articles))
    }

    /// The lists from what they depend on: each article's `text(of:)` and its rank (`ranks(of:)`).
    ///
    /// The score of a pair is the weight of the bigrams they share over the geometric mean of
    /// their weights (cosine). Candidates are gathered from the article's rarest bigrams first;
    /// gathering stops as soon as no article not yet seen could score above the fifth best
    /// seen (see `Search`), so that the long lists of common bigrams are rarely walked. The
    /// result is exactly what scoring every pair would give, up to `walkLimit` (see there).
    public func relatedIndices(texts: [String], ranks rank: [Int]) -> [[Int]] {
        let count = texts.count
        let table = BigramTable(texts: texts)
        let limit = max(10, Int(Double(count) * commonShare))
        let weights = (0..<table.vocabularySize).map { t in
            let docs = table.documentStarts[t + 1] - table.documentStarts[t]
            return docs > 1 && docs <= limit ? log(Double(count) / Double(docs)) + 1 : 0
        }
        // Summed in bigram-id order, which is the bigrams' sorted order.
        let norms = (0..<count).map { d in
            var sum = 0.0
            for i in table.termStarts[d]..<table.termStarts[d + 1] { sum += weights[Int(table.terms[i])] }
            return sum
        }
        // Bigrams ordered rarest first (fewest documents, then id), so each article's bigrams
        // sort by one integer: `rarity[t]` is t's place, `byRarity` the inverse.
        let byRarity = (0..<Int32(table.vocabularySize)).sorted {
            let a = table.documentStarts[Int($0) + 1] - table.documentStarts[Int($0)]
            let b = table.documentStarts[Int($1) + 1] - table.documentStarts[Int($1)]
            return a != b ? a < b : $0 < $1
        }
        var rarity = [Int32](repeating: 0, count: table.vocabularySize)
        for (place, term) in byRarity.enumerated() { rarity[Int(term)] = Int32(place) }
        let index = Index(table: table, weights: weights, norms: norms,
                          inverseRoots: norms.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }, rank: rank,
                          rarity: rarity, byRarity: byRarity, maximum: maximum, walkLimit: walkLimit, candidateLimit: candidateLimit)
        let chunk = 64
        let chunks = (count + chunk - 1) / chunk
        let lists = Parallel.map(chunks) { c -> [[Int]] in
            var search = Search(index)
            defer { search.deallocate() }
            return ((c * chunk)..<min(count, (c + 1) * chunk)).map { search.best(for: $0) }
        }
        return lists.flatMap { $0 }
    }

}
