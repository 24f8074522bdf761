import BroadsheetText
import Foundation

/// One answer to a query.
public struct SearchResult: Codable, Sendable, Equatable {
    /// Doc id: position in the index's newest-first order.
    public var id: Int
    public var url: String
    public var title: String
    public var kicker: String?
    public var date: String?
    public var topics: [String]
    public var score: Double

    enum CodingKeys: String, CodingKey { case url, title, kicker, date, topics, score }

    public init(id: Int, url: String, title: String, kicker: String?, date: String?, topics: [String], score: Double) {
        self.id = id
        self.url = url
        self.title = title
        self.kicker = kicker
        self.date = date
        self.topics = topics
        self.score = score
    }

    /// Unknown dates and kickers are written as null, so every result has the same keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(kicker, forKey: .kicker)
        try c.encode(date, forKey: .date)
        try c.encode(topics, forKey: .topics)
        try c.encode(score, forKey: .score)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = -1
        url = try c.decode(String.self, forKey: .url)
        title = try c.decode(String.self, forKey: .title)
        kicker = try c.decodeIfPresent(String.self, forKey: .kicker)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        topics = try c.decode([String].self, forKey: .topics)
        score = try c.decode(Double.self, forKey: .score)
    }
}

public struct SearchIndexCorrupt: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "search index: error: \(message)" }
}

/// Answers queries from the sharded index with the rules of docs/search-index.md, reading only
/// the shards a query needs. `search.js` implements the same steps in the same order.
public struct SearchEngine: Sendable {
    public let store: any SearchIndexStore
    public let manifest: SearchIndexManifest
    let normalizer: SearchNormalizer

    public init(store: any SearchIndexStore) throws {
        self.store = store
        manifest = try JSONDecoder().decode(SearchIndexManifest.self, from: store.json(for: SearchIndexLayout.manifestID))
        guard manifest.format == SearchIndexManifest.formatName, manifest.version == SearchIndexManifest.currentVersion else {
            throw SearchIndexCorrupt(message: "index is \(manifest.format) v\(manifest.version); this tool reads v\(SearchIndexManifest.currentVersion)")
        }
        var map: [UnicodeScalar: UnicodeScalar] = [:]
        let pairs = Array(manifest.fold.unicodeScalars)
        for i in stride(from: 0, to: pairs.count - 1, by: 2) { map[pairs[i]] = pairs[i + 1] }
        normalizer = SearchNormalizer(folding: CharacterFolding(map: map))
    }

    public func normalize(_ text: String) -> String { normalizer.normalize(text) }

    /// All matching documents ranked, or the first `limit`.
    public func search(_ query: String, topic: String? = nil, year: Int? = nil, limit: Int? = nil) throws -> [SearchResult] {
        let parsed = SearchQuery(normalized: normalize(query))
        let positive = parsed.terms.filter { !$0.excluded }
        guard !positive.isEmpty else { return [] }
        var matches: [[Int: PostingMatch]] = []
        for term in positive { matches.append(try match(term.keys)) }
        var candidates = Set(matches[0].keys)
        for other in matches.dropFirst() { candidates.formIntersection(other.keys) }
        for term in parsed.terms where term.excluded { candidates.subtract(try match(term.keys).keys) }
        if let year {
            guard let range = manifest.years[String(year)], range.count == 2 else { return [] }
            candidates = candidates.filter { range[0] <= $0 && $0 <= range[1] }
        }
        if let topic { candidates.formIntersection(try docs(of: SearchIndexLayout.topicKeyPrefix + topic)) }

        let r = manifest.ranking
        let n = Double(manifest.docCount)
        let idfs = matches.map { m -> Double in
            let df = Double(m.count)
            return log(1 + (n - df + 0.5) / (df + 0.5))
        }
        var ranked: [(doc: Int, score: Double)] = candidates.map { doc in
            var score = 0.0
            for (t, m) in matches.enumerated() {
                let hit = m[doc]!
                let tf = Double(hit.head + hit.body)
                score += idfs[t] * (tf * (r.k1 + 1)) / (tf + r.k1)
                if hit.head > 0 { score += r.headBonus }
            }
            return (doc, (score * 10000).rounded() / 10000)
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        if let limit { ranked = Array(ranked.prefix(max(0, limit))) }
        return try ranked.map { item in
            let doc = try document(item.doc)
            return SearchResult(id: item.doc, url: doc.url, title: doc.title, kicker: doc.kicker, date: doc.date,
                                topics: doc.topics, score: item.score)
        }
    }

    /// The display record of a doc id.
    public func document(_ id: Int) throws -> SearchDoc {
        let chunkID = SearchIndexLayout.chunkID(for: id, docsPerChunk: manifest.docsPerChunk)
        let chunk = try JSONDecoder().decode(SearchDocChunk.self, from: store.json(for: chunkID))
        let index = id % manifest.docsPerChunk
        guard chunk.docs.indices.contains(index) else { throw SearchIndexCorrupt(message: "doc \(id) missing from \(chunkID)") }
        return chunk.docs[index]
    }

    /// Documents where the keys sit at their offsets from a common start: the phrase occurs.
    /// The positioned key with the fewest docs anchors each occurrence; unpositioned (unigram)
    /// keys need only be present.
    func match(_ keys: [SearchKey]) throws -> [Int: PostingMatch] {
        let positioned = keys.indices.filter { keys[$0].positioned }
        let lists = try keys.map { try postings($0.key, withPositions: positioned.count > 1) }
        let anchor = positioned.min { lists[$0].count < lists[$1].count } ?? 0
        let maps = lists.map { list in Dictionary(list.map { ($0.doc, $0) }, uniquingKeysWith: { a, _ in a }) }
        var result: [Int: PostingMatch] = [:]
        entries: for entry in lists[anchor] {
            var others: [(offset: Int, positions: [Int])] = []
            for (k, key) in keys.enumerated() where k != anchor {
                guard let other = maps[k][entry.doc] else { continue entries }
                if key.positioned { others.append((key.offset - keys[anchor].offset, other.positions)) }
            }
            if others.isEmpty || positioned.isEmpty {
                result[entry.doc] = PostingMatch(head: entry.head, body: entry.body)
                continue
            }
            var head = 0, body = 0
            for (i, position) in entry.positions.enumerated()
            where others.allSatisfy({ Self.containsSorted($0.positions, position + $0.offset) }) {
                if i < entry.head { head += 1 } else { body += 1 }
            }
            if head + body > 0 { result[entry.doc] = PostingMatch(head: head, body: body) }
        }
        return result
    }

    static func containsSorted(_ list: [Int], _ value: Int) -> Bool {
        var lo = 0, hi = list.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if list[mid] == value { return true }
            if list[mid] < value { lo = mid + 1 } else { hi = mid - 1 }
        }
        return false
    }

    func shard(for key: String) throws -> SearchPostingShard {
        let id = SearchIndexLayout.shardID(for: key, shards: manifest.postingShards)
        return try JSONDecoder().decode(SearchPostingShard.self, from: store.json(for: id))
    }

    /// A key's postings as stored inline in its shard, or its own file's.
    func encodedPostings(_ key: String) throws -> (text: String, file: SearchPostingFile?)? {
        let shard = try shard(for: key)
        if let id = shard.files[key] {
            let file = try JSONDecoder().decode(SearchPostingFile.self, from: store.json(for: id))
            return (file.postings, file)
        }
        return shard.terms[key].map { ($0, nil) }
    }

    /// Decoded entries; positions only when asked for (a large key keeps them in another file).
    func postings(_ key: String, withPositions: Bool) throws -> [PostingEntry] {
        guard let found = try encodedPostings(key) else { return [] }
        let positioned = !SearchKey.isUnigram(key)
        guard let numbers = PostingCodec.decode(found.text),
              var entries = PostingEntry.decode(numbers, positioned: positioned && found.file == nil) else {
            throw SearchIndexCorrupt(message: "postings of \(key) cannot be decoded")
        }
        if positioned, withPositions, let id = found.file?.positions {
            let file = try JSONDecoder().decode(SearchPositionFile.self, from: store.json(for: id))
            guard let deltas = PostingCodec.decode(file.positions) else { throw SearchIndexCorrupt(message: "positions of \(key) cannot be decoded") }
            var i = 0
            for e in entries.indices {
                let tf = entries[e].head + entries[e].body
                guard i + tf <= deltas.count else { throw SearchIndexCorrupt(message: "positions of \(key) are short") }
                var position = -1
                entries[e].positions = deltas[i..<i + tf].map { position += $0; return position }
                i += tf
            }
        }
        return entries
    }

    func docs(of markerKey: String) throws -> Set<Int> {
        guard let text = try encodedPostings(markerKey)?.text, let numbers = PostingCodec.decode(text) else { return [] }
        var doc = -1
        return Set(numbers.map { doc += $0; return doc })
    }
}

struct PostingMatch: Equatable {
    var head: Int
    var body: Int
}

/// One document's entry in a key's postings: doc delta, tf × 2 + (1 if any hit is in the head),
/// the head count when that bit is set, then (positioned keys only) tf position deltas.
struct PostingEntry: Equatable {
    var doc: Int
    var head: Int
    var body: Int
    var positions: [Int]

    static func decode(_ numbers: [Int], positioned: Bool) -> [PostingEntry]? {
        var entries: [PostingEntry] = []
        var i = 0, doc = -1
        while i < numbers.count {
            guard i + 2 <= numbers.count else { return nil }
            doc += numbers[i]
            let tf = numbers[i + 1] >> 1
            var head = 0
            i += 2
            if numbers[i - 1] & 1 == 1 {
                guard i < numbers.count else { return nil }
                head = numbers[i]
                i += 1
            }
            var positions: [Int] = []
            if positioned {
                guard i + tf <= numbers.count else { return nil }
                positions.reserveCapacity(tf)
                var position = -1
                for k in 0..<tf { position += numbers[i + k]; positions.append(position) }
                i += tf
            }
            entries.append(PostingEntry(doc: doc, head: head, body: tf - head, positions: positions))
        }
        return entries
    }
}
