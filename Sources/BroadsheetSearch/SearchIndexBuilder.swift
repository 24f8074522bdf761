import BroadsheetModel
import BroadsheetText
import Foundation

/// One file of the index before serialisation: its id (see `SearchIndexLayout`) and JSON bytes.
public struct SearchIndexFile: Sendable, Equatable {
    public var id: String
    public var json: Data
}

/// Builds the sharded positional index of docs/search-index.md from the site's articles.
public struct SearchIndexBuilder: Sendable {
    public var normalizer: SearchNormalizer
    public var topics: [SearchIndexManifest.Topic]
    /// Posting shards are sized so that the keys sharing a shard weigh about this much together.
    public var targetShardBytes = 24 * 1024
    /// A key whose postings weigh more than this gets a file of its own.
    public var ownFileBytes = 12 * 1024
    public var docsPerChunk = 2
    /// Body characters kept in a doc chunk for excerpts; longer bodies also get an `x/N` file.
    public var excerptTextLimit = 1000
    public var ranking = SearchIndexManifest.Ranking(k1: 1.2, headBonus: 100)

    public init(normalizer: SearchNormalizer = SearchNormalizer(), topics: [SearchIndexManifest.Topic] = []) {
        self.normalizer = normalizer
        self.topics = topics
    }

    /// Doc ids run newest first; undated articles come last; ties by URL.
    static func ordered(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            let da = a.date?.iso ?? "", db = b.date?.iso ?? ""
            if da != db { return da > db }
            return a.slug < b.slug
        }
    }

    public func build(articles: [Article]) -> [SearchIndexFile] {
        let docs = Self.ordered(articles)
        var postings = PostingAccumulator()
        var years: [String: [Int]] = [:]
        let tokenizer = SearchTokenizer()
        for (id, article) in docs.enumerated() {
            var units: [SearchUnit] = []
            var pos = 0
            for field in [article.kicker, article.title, article.subtitle] {
                if let field, !field.isEmpty { pos = tokenizer.tokenize(normalizer.normalize(field), from: pos, into: &units) }
            }
            let headEnd = pos
            tokenizer.tokenize(normalizer.normalize(article.plainText), from: pos, into: &units)
            postings.add(doc: id, keys: tokenizer.indexKeys(units), headEnd: headEnd)
            for topic in article.topics { postings.addMarker(doc: id, key: SearchIndexLayout.topicKeyPrefix + topic) }
            if let year = article.date?.year {
                let key = String(year)
                years[key] = [years[key]?[0] ?? id, id]
            }
        }
        let terms = postings.finish()
        var files: [SearchIndexFile] = []
        let shards = shardCount(terms)
        files += postingFiles(terms, shards: shards)
        files += docChunks(docs)
        let manifest = SearchIndexManifest(
            format: SearchIndexManifest.formatName, version: SearchIndexManifest.currentVersion,
            docCount: docs.count, postingShards: shards, docsPerChunk: docsPerChunk, years: years, topics: topics,
            fold: foldString(), ranking: ranking)
        files.insert(SearchIndexFile(id: SearchIndexLayout.manifestID, json: Self.encode(manifest)), at: 0)
        return files
    }

    func shardCount(_ terms: [(key: String, postings: [UInt8])]) -> Int {
        let small = terms.reduce(0) { $0 + ($1.postings.count <= ownFileBytes ? $1.postings.count + $1.key.utf8.count + 6 : 0) }
        var shards = 1
        while small / shards > targetShardBytes { shards *= 2 }
        return shards
    }

    func postingFiles(_ terms: [(key: String, postings: [UInt8])], shards: Int) -> [SearchIndexFile] {
        var byShard: [String: SearchPostingShard] = [:]
        var files: [SearchIndexFile] = []
        for shard in 0..<shards { byShard["p/\(shard)"] = SearchPostingShard(id: "p/\(shard)", terms: [:], files: [:]) }
        for term in terms {
            let shard = SearchIndexLayout.shardID(for: term.key, shards: shards)
            let encoded = String(decoding: term.postings, as: UTF8.self)
            if term.postings.count > ownFileBytes {
                let id = "\(shard)-\(byShard[shard]!.files.count)"
                byShard[shard]!.files[term.key] = id
                files += Self.ownFiles(id: id, key: term.key, postings: term.postings)
            } else {
                byShard[shard]!.terms[term.key] = encoded
            }
        }
        for shard in 0..<shards {
            let value = byShard["p/\(shard)"]!
            files.append(SearchIndexFile(id: value.id, json: Self.encode(value)))
        }
        return files
    }

    /// A large key's entries, split from their positions so that a one-key query skips them.
    static func ownFiles(id: String, key: String, postings: [UInt8]) -> [SearchIndexFile] {
        let numbers = PostingCodec.decode(String(decoding: postings, as: UTF8.self)) ?? []
        guard SearchKey(key: key, offset: 0).positioned, !key.hasPrefix(SearchIndexLayout.topicKeyPrefix) else {
            return [SearchIndexFile(id: id, json: encode(SearchPostingFile(id: id, term: key, postings: String(decoding: postings, as: UTF8.self))))]
        }
        var entries: [UInt8] = [], positions: [UInt8] = []
        var i = 0
        while i + 1 < numbers.count {
            let tf = numbers[i + 1] >> 1
            let fields = numbers[i + 1] & 1 == 1 ? 3 : 2
            for n in numbers[i..<i + fields] { PostingCodec.append(n, to: &entries) }
            for n in numbers[i + fields..<i + fields + tf] { PostingCodec.append(n, to: &positions) }
            i += fields + tf
        }
        let positionsID = id + "-pos"
        return [
            SearchIndexFile(id: id, json: encode(SearchPostingFile(id: id, term: key, postings: String(decoding: entries, as: UTF8.self), positions: positionsID))),
            SearchIndexFile(id: positionsID, json: encode(SearchPositionFile(id: positionsID, term: key, positions: String(decoding: positions, as: UTF8.self)))),
        ]
    }

    func docChunks(_ docs: [Article]) -> [SearchIndexFile] {
        var files: [SearchIndexFile] = []
        for start in stride(from: 0, to: docs.count, by: docsPerChunk) {
            var records: [SearchDoc] = []
            for id in start..<min(docs.count, start + docsPerChunk) {
                let article = docs[id]
                let text = article.body.map(\.plainText).filter { !$0.isEmpty }
                let (cut, rest) = Self.cut(text, limit: excerptTextLimit)
                let more = rest.isEmpty ? nil : "x/\(id)"
                if let more { files.append(SearchIndexFile(id: more, json: Self.encode(SearchDocText(id: more, text: rest)))) }
                records.append(SearchDoc(url: "articles/\(article.slug).html", title: article.title, kicker: article.kicker,
                                         subtitle: article.subtitle, date: article.date?.iso, topics: article.topics,
                                         text: cut, more: more))
            }
            let id = SearchIndexLayout.chunkID(for: start, docsPerChunk: docsPerChunk)
            files.append(SearchIndexFile(id: id, json: Self.encode(SearchDocChunk(id: id, docs: records))))
        }
        return files
    }

    /// The leading blocks up to `limit` characters (the last one cut short) and the rest.
    static func cut(_ blocks: [String], limit: Int) -> (kept: [String], rest: [String]) {
        var kept: [String] = [], rest: [String] = []
        var remaining = limit
        for block in blocks {
            if remaining <= 0 { rest.append(block); continue }
            if block.count <= remaining {
                kept.append(block)
            } else {
                kept.append(String(block.prefix(remaining)))
                rest.append(String(block.dropFirst(remaining)))
            }
            remaining -= block.count
        }
        return (kept, rest)
    }

    func foldString() -> String {
        var out = String.UnicodeScalarView()
        for (from, to) in normalizer.folding.map.sorted(by: { $0.key.value < $1.key.value }) {
            out.append(from)
            out.append(to)
        }
        return String(out)
    }

    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return try! encoder.encode(value)
    }
}
