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
    /// Postings kept in memory while documents are added; beyond this they wait in a temporary
    /// file until their shards are written (the output is the same either way). 64 MiB, not 128:
    /// with both cores on the index at once (`Parallel.both`) a 100k build peaked at 1,052 MB
    /// with 128 and 967 MB with 64, in the same time.
    public var postingMemoryLimit = 64 * 1024 * 1024
    /// Body characters kept in a doc chunk for excerpts; longer bodies also get an `x/N` file.
    public var excerptTextLimit = 1000
    public var ranking = SearchIndexManifest.Ranking(k1: 1.2, headBonus: 100)

    public init(normalizer: SearchNormalizer = SearchNormalizer(), topics: [SearchIndexManifest.Topic] = []) {
        self.normalizer = normalizer
        self.topics = topics
    }

    /// Doc ids run newest first; undated articles come last; ties by URL. A caller that streams
    /// articles (`SearchIndexStream`) adds them in this order.
    public static func ordered(_ articles: [Article]) -> [Article] {
        // `precedes` with each date formatted once, not once per comparison.
        let dates = articles.map { $0.date?.iso ?? "" }
        let order = articles.indices.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : articles[a].slug < articles[b].slug
        }
        return order.map { articles[$0] }
    }

    /// Extends the manifest's `years` (first and last doc id per year) with the next articles.
    static func addYears(of articles: [Article], firstID: Int, to years: inout [String: [Int]]) {
        for (offset, article) in articles.enumerated() {
            if let year = article.date?.year {
                let key = String(year)
                years[key] = [years[key]?[0] ?? firstID + offset, firstID + offset]
            }
        }
    }

    /// True when `a` gets a smaller doc id than `b`.
    public static func precedes(_ a: Article, _ b: Article) -> Bool {
        let da = a.date?.iso ?? "", db = b.date?.iso ?? ""
        if da != db { return da > db }
        return a.slug < b.slug
    }

    /// Every file of the index, the manifest first.
    public func build(articles: [Article]) -> [SearchIndexFile] {
        var files: [SearchIndexFile] = []
        build(articles: articles) { files += $0 }
        if let manifest = files.firstIndex(where: { $0.id == SearchIndexLayout.manifestID }) { files.insert(files.remove(at: manifest), at: 0) }
        return files
    }

    /// Builds the index and hands its files to `emit` in batches, so that a caller can write
    /// each batch while the next is made and never holds the whole index. Batches are made on
    /// all cores; their order and bytes never depend on scheduling.
    public func build(articles: [Article], emit: ([SearchIndexFile]) throws -> Void) rethrows {
        let docs = Self.ordered(articles)
        try withoutActuallyEscaping(emit) { emit in
            let stream = SearchIndexStream(builder: self, emit: emit)
            for first in stride(from: 0, to: docs.count, by: 8192) {
                try stream.add(Array(docs[first..<min(docs.count, first + 8192)]))
            }
            try stream.finish()
        }
    }

    /// The manifest and the posting files, once every document was added; returns the shard
    /// count and the bytes it was chosen from (`smallBytes`), which a patch of this index starts from.
    func finish(_ terms: SearchTerms, docCount: Int, years: [String: [Int]],
                emit: ([SearchIndexFile]) throws -> Void) rethrows -> (shards: Int, smallBytes: Int) {
        let small = smallBytes(terms)
        let shards = shardCount(smallBytes: small)
        try emit([manifestFile(docCount: docCount, shards: shards, years: years)])
        try SearchPostingFiles(terms: terms, shards: shards, ownFileBytes: ownFileBytes).emit(emit)
        return (shards, small)
    }

    func manifestFile(docCount: Int, shards: Int, years: [String: [Int]]) -> SearchIndexFile {
        let manifest = SearchIndexManifest(
            format: SearchIndexManifest.formatName, version: SearchIndexManifest.currentVersion,
            docCount: docCount, postingShards: shards, docsPerChunk: docsPerChunk, years: years, topics: topics,
            fold: foldString(), ranking: ranking)
        return SearchIndexFile(id: SearchIndexLayout.manifestID, json: Self.encode(manifest))
    }

    /// What the keys kept in shards (not in files of their own) weigh: the sum over them of
    /// `smallWeight`. It decides the shard count, and adds up shard by shard.
    func smallBytes(_ terms: SearchTerms) -> Int {
        var small = 0
        for t in 0..<terms.count where terms.size(t) <= ownFileBytes {
            small += Self.smallWeight(postings: terms.size(t), textBytes: terms.texts[t].utf8.count)
        }
        return small
    }

    /// A key's weight in its shard: its postings, its text (UTF-8, unescaped) and the JSON around them.
    static func smallWeight(postings: Int, textBytes: Int) -> Int { postings + textBytes + 6 }

    func shardCount(smallBytes small: Int) -> Int {
        var shards = 1
        while small / shards > targetShardBytes { shards *= 2 }
        return shards
    }

    /// Makes the tokenizer's normalisation table now (once per process; tens of milliseconds), so
    /// that a build can have it made on an idle core before the index needs it.
    public func prepareTokenizer() {
        _ = SearchScalarNormalizer.shared(for: normalizer)
    }

    /// The record this builder makes of an article (what `SearchIndexStream.add` makes of it).
    public func record(of article: Article) -> SearchDocumentRecord {
        var tokenizer = SearchDocumentTokenizer(normalizer: SearchScalarNormalizer.shared(for: normalizer))
        return SearchDocumentRecord(tokenizer.keys(of: article), describe(article))
    }

    /// Doc chunks and the `x/N` files of their long bodies, in batches of chunks. `docs` start
    /// with doc id `firstID`, a multiple of `docsPerChunk`.
    func docChunks(_ docs: ArraySlice<SearchDocumentRecord>, firstID: Int, emit: ([SearchIndexFile]) throws -> Void) rethrows {
        let chunks = (docs.count + docsPerChunk - 1) / docsPerChunk
        let batch = 512
        for first in stride(from: 0, to: chunks, by: batch) {
            let made = Parallel.map(min(batch, chunks - first)) { i in
                let start = (first + i) * docsPerChunk
                return docChunk(docs[(docs.startIndex + start)..<(docs.startIndex + min(docs.count, start + docsPerChunk))], firstID: firstID + start)
            }
            try emit(made.flatMap { $0 })
        }
    }

    /// One chunk's docs, the first with id `firstID`: the records' pieces with the doc ids put in.
    func docChunk(_ docs: ArraySlice<SearchDocumentRecord>, firstID: Int) -> [SearchIndexFile] {
        var files: [SearchIndexFile] = []
        let id = SearchIndexLayout.chunkID(for: firstID, docsPerChunk: docsPerChunk)
        var json = SearchJSONBytes(capacity: docs.reduce(64) { $0 + $1.docHead.count + $1.docTail.count + 32 })
        json.raw("{\"docs\":[")
        for (offset, record) in docs.enumerated() {
            let doc = firstID + offset
            if offset > 0 { json.raw(",") }
            json.bytes += record.bytes[record.docHead]
            if !record.rest.isEmpty {
                let more = "x/\(doc)"
                var x = SearchJSONBytes(capacity: record.rest.count + 32)
                x.raw("{\"id\":")
                x.string(more)
                x.raw(",\"text\":")
                x.bytes += record.bytes[record.rest]
                x.raw("}")
                files.append(SearchIndexFile(id: more, json: Data(x.bytes)))
                json.raw("\"more\":")
                json.string(more)
                json.raw(",")
            }
            json.bytes += record.bytes[record.docTail]
        }
        json.raw("],\"id\":")
        json.string(id)
        json.raw("}")
        files.append(SearchIndexFile(id: id, json: Data(json.bytes)))
        return files
    }

    /// The article's doc-chunk JSON, all but its `"more"` field, which names its doc id. Keys in
    /// UTF-8 order, absent optionals left out, as JSONEncoder writes `SearchDoc`.
    func describe(_ article: Article) -> SearchDocumentRecord.Display {
        let text = article.body.map(\.plainText).filter { !$0.isEmpty }
        let (cut, rest) = Self.cut(text, limit: excerptTextLimit)
        var head = SearchJSONBytes(capacity: 128)
        head.raw("{")
        if let date = article.date?.iso { head.raw("\"date\":"); head.string(date); head.raw(",") }
        if let kicker = article.kicker { head.raw("\"kicker\":"); head.string(kicker); head.raw(",") }
        var tail = SearchJSONBytes(capacity: 4096)
        if let subtitle = article.subtitle { tail.raw("\"subtitle\":"); tail.string(subtitle); tail.raw(",") }
        tail.raw("\"text\":")
        tail.strings(cut)
        tail.raw(",\"title\":")
        tail.string(article.title)
        tail.raw(",\"topics\":")
        tail.strings(article.topics)
        tail.raw(",\"url\":")
        tail.string("articles/\(article.slug).html")
        tail.raw("}")
        var display = SearchDocumentRecord.Display(docHead: head.bytes, docTail: tail.bytes)
        if !rest.isEmpty {
            var more = SearchJSONBytes(capacity: 4096)
            more.strings(rest)
            display.rest = more.bytes
        }
        return display
    }

    /// What a record made by this builder depends on besides its article, for a cache's keys.
    public var recordSalt: String {
        "\(SearchDocumentRecord.formatVersion) \(excerptTextLimit) \(foldString())"
    }

    /// The leading blocks up to `limit` characters (the last one cut short) and the rest.
    static func cut(_ blocks: [String], limit: Int) -> (kept: [String], rest: [String]) {
        var kept: [String] = [], rest: [String] = []
        var remaining = limit
        for block in blocks {
            if remaining <= 0 { rest.append(block); continue }
            let simple = scalarsAreCharacters(block)
            let count = simple ? block.unicodeScalars.count : block.count
            if count <= remaining {
                kept.append(block)
            } else if simple {
                let scalars = block.unicodeScalars
                let end = scalars.index(scalars.startIndex, offsetBy: remaining)
                kept.append(String(scalars[..<end]))
                rest.append(String(scalars[end...]))
            } else {
                kept.append(String(block.prefix(remaining)))
                rest.append(String(block.dropFirst(remaining)))
            }
            remaining -= count
        }
        return (kept, rest)
    }

    /// True when every scalar of `text` is a character of its own: none of them can join a
    /// neighbour (no combining marks, joiners, variation selectors, Hangul jamo, regional
    /// indicators or CR), as in most Chinese text. Then counting scalars counts characters,
    /// without Swift's grapheme breaking, which dominated the cost of cutting excerpts.
    static func scalarsAreCharacters(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0x0A, 0x09, 0xA0...0xFF: return true
            case 0x2010...0x2027, 0x2030...0x205E: return true
            case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true
            case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
            case 0xFF01...0xFF60, 0xFFE0...0xFFE6: return true
            default: return false
            }
        }
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
