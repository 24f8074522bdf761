/// `search-index.json`: the entry point of the index, read first by every engine
/// (format in docs/search-index.md). Everything else lives in shards it names by rule.
public struct SearchIndexManifest: Codable, Sendable, Equatable {
    public static let formatName = "broadsheet-search"
    public static let currentVersion = 3

    public struct Topic: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Ranking: Codable, Sendable, Equatable {
        /// BM25 term-frequency saturation. There is no length normalisation (BM25's b = 0):
        /// news articles are of similar length, and it saves a number per posting.
        public var k1: Double
        /// Added once per query term that occurs in the head (kicker, title, subtitle), so head
        /// hits rank above body hits.
        public var headBonus: Double
        public init(k1: Double, headBonus: Double) {
            self.k1 = k1
            self.headBonus = headBonus
        }
    }

    public var format: String
    public var version: Int
    public var docCount: Int
    /// Number of posting shards, a power of two; a key's shard is `fnv1a(key) & (postingShards - 1)`.
    public var postingShards: Int
    /// Documents per `d/N` chunk; doc id `i` lives in chunk `i / docsPerChunk`.
    public var docsPerChunk: Int
    /// Year → first and last doc id (ids run newest first, so each year is one range).
    public var years: [String: [Int]]
    public var topics: [Topic]
    /// Traditional → simplified pairs, two characters each, applied after NFKC and lower-casing.
    public var fold: String
    public var ranking: Ranking
}

/// One document's display record, kept in the doc chunks `d/N`.
public struct SearchDoc: Codable, Sendable, Equatable {
    public var url: String
    public var title: String
    public var kicker: String?
    public var subtitle: String?
    public var date: String?
    public var topics: [String]
    /// Body blocks in the article's own script, for excerpts, cut after about
    /// `SearchIndexBuilder.excerptTextLimit` characters.
    public var text: [String]
    /// When `text` was cut: the id of the file holding the rest of the body (`x/N`), loaded only
    /// for an excerpt whose hits all lie beyond the cut.
    public var more: String?
}

/// The rest of a long document's body after the cut, `x/N`.
public struct SearchDocText: Codable, Sendable, Equatable {
    public var id: String
    public var text: [String]
}

public struct SearchDocChunk: Codable, Sendable, Equatable {
    public var id: String
    public var docs: [SearchDoc]
}

/// A posting shard `p/N`: encoded postings per key, or the id of the key's own file when large.
public struct SearchPostingShard: Codable, Sendable, Equatable {
    public var id: String
    public var terms: [String: String]
    public var files: [String: String]
}

/// The postings of one large key, in its own file `p/N-M`: entries without positions. For a
/// positioned key, `positions` names the file `p/N-M-pos` that holds them, read only by queries
/// that check adjacency (a one-key query needs no positions).
public struct SearchPostingFile: Codable, Sendable, Equatable {
    public var id: String
    public var term: String
    public var postings: String
    public var positions: String?
}

/// The positions of a large key's entries, in entry order: tf position deltas per entry.
public struct SearchPositionFile: Codable, Sendable, Equatable {
    public var id: String
    public var term: String
    public var positions: String
}

/// Shared naming rules of the index files.
public enum SearchIndexLayout {
    public static let manifestID = "index"
    /// Prefix of the pseudo-keys that list a topic's documents.
    public static let topicKeyPrefix = "#t:"

    /// Path of a file id relative to the site: `index` → `search-index.json`, `p/3` → `search/p/3.json`.
    public static func path(for id: String, ext: String) -> String {
        id == manifestID ? "search-index.\(ext)" : "search/\(id).\(ext)"
    }

    /// FNV-1a over the key's Unicode scalar values (one step per scalar), 32 bits.
    public static func hash(_ key: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for scalar in key.unicodeScalars {
            h ^= scalar.value
            h = h &* 16_777_619
        }
        return h
    }

    public static func shardID(for key: String, shards: Int) -> String {
        "p/\(Int(hash(key)) & (shards - 1))"
    }

    public static func chunkID(for doc: Int, docsPerChunk: Int) -> String {
        "d/\(doc / docsPerChunk)"
    }
}
