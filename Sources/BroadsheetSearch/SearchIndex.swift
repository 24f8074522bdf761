import BroadsheetModel
import BroadsheetText
import Foundation

/// The versioned search index file (`search-index.json`), documented in docs/search-index.md.
public struct SearchIndex: Codable, Sendable, Equatable {
    public static let formatName = "broadsheet-search"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// Traditional → simplified character map applied after NFKC and lower-casing.
    public var fold: [String: String]
    public var docs: [Doc]

    public struct Doc: Codable, Sendable, Equatable {
        public var url: String
        public var title: String
        public var kicker: String?
        public var date: String?
        public var topics: [String]
        /// Normalised title + kicker, for field weighting.
        public var head: String
        /// Normalised body text.
        public var body: String
        /// Display excerpt (original script).
        public var excerpt: String
    }
}

/// Builds the index from the site's articles.
public struct SearchIndexBuilder: Sendable {
    let normalizer: SearchNormalizer

    public init(normalizer: SearchNormalizer = SearchNormalizer()) {
        self.normalizer = normalizer
    }

    public func build(articles: [Article]) -> SearchIndex {
        let docs = articles.map { article in
            SearchIndex.Doc(
                url: "articles/\(article.slug).html", title: article.title, kicker: article.kicker,
                date: article.date?.iso, topics: article.topics,
                head: normalizer.normalize([article.kicker, article.title, article.subtitle].compactMap { $0 }.joined(separator: "\n")),
                body: normalizer.normalize(article.plainText),
                excerpt: String(article.paragraphs.first?.prefix(120) ?? ""))
        }
        var fold: [String: String] = [:]
        for (from, to) in normalizer.folding.map { fold[String(Character(from))] = String(Character(to)) }
        return SearchIndex(format: SearchIndex.formatName, version: SearchIndex.currentVersion, fold: fold, docs: docs)
    }
}

/// One answer to a query.
public struct SearchResult: Codable, Sendable, Equatable {
    public var url: String
    public var title: String
    public var date: String?
    public var topics: [String]
    public var score: Double
}

/// Answers queries from an index with the same rules as `search.js`.
public struct SearchEngine: Sendable {
    public let index: SearchIndex
    let normalizer: SearchNormalizer

    public init(index: SearchIndex, normalizer: SearchNormalizer = SearchNormalizer()) {
        self.index = index
        self.normalizer = normalizer
    }

    public func search(_ query: String, topic: String? = nil, limit: Int = 20) -> [SearchResult] {
        let terms = normalizer.normalize(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        guard !terms.isEmpty else { return [] }
        var results: [SearchResult] = []
        for doc in index.docs {
            if let topic, !doc.topics.contains(topic) { continue }
            var score = 0.0
            var matchedAll = true
            for term in terms {
                let inHead = doc.head.components(separatedBy: term).count - 1
                let inBody = doc.body.components(separatedBy: term).count - 1
                if inHead + inBody == 0 { matchedAll = false; break }
                score += Double(inHead) * 10 + Double(inBody)
            }
            if matchedAll {
                results.append(SearchResult(url: doc.url, title: doc.title, date: doc.date, topics: doc.topics, score: score))
            }
        }
        results.sort { ($0.score, $0.date ?? "", $1.url) > ($1.score, $1.date ?? "", $0.url) }
        return Array(results.prefix(limit))
    }
}
