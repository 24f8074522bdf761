import BroadsheetModel
import Foundation

/// Rebuilds the index when a few documents changed in place: the same documents in the same doc
/// order, some with new records. Only a key whose entry in such a document changed, appeared or
/// went (or a topic marker added or removed there) can have new postings, so only those keys are
/// accumulated, over every document;
/// their shards are the previous shards with those keys' entries replaced; every other shard, doc
/// chunk and `x/N` file is the previous build's, unchanged. `finish` gives up (false, nothing
/// emitted) whenever that cannot be shown: the shard count would change, a key would move in or
/// out of a file of its own, or a previous shard is missing or holds an escaped key; the caller
/// then builds the index whole. Documents come in doc order, as for `SearchIndexStream`.
public final class SearchIndexPatch {
    /// A document whose record changed: its doc id, its previous record and topics.
    public struct Change {
        public var doc: Int
        public var old: SearchDocumentRecord
        public var oldTopics: [String]
        public var new: SearchDocumentRecord
        public var newTopics: [String]
        public init(doc: Int, old: SearchDocumentRecord, oldTopics: [String], new: SearchDocumentRecord, newTopics: [String]) {
            (self.doc, self.old, self.oldTopics, self.new, self.newTopics) = (doc, old, oldTopics, new, newTopics)
        }
    }

    /// What the previous build's index was made with (`SearchIndexStream.postingShards`, `smallBytes`).
    public struct Previous {
        public var docCount: Int
        public var shards: Int
        public var smallBytes: Int
        public init(docCount: Int, shards: Int, smallBytes: Int) {
            (self.docCount, self.shards, self.smallBytes) = (docCount, shards, smallBytes)
        }
    }

    public let builder: SearchIndexBuilder
    let previous: Previous
    /// The changed keys' words only, and their key codes.
    private let words = SearchWordTable()
    private var filter = SearchKeyFilter(keys: [], words: [])
    private var topicIndex: [String: Int] = [:]
    private var changedKeys: Set<UInt64> = []
    private var accumulator: PostingAccumulator
    private let changedChunks: Set<Int>
    /// Records of the docs in changed chunks; per doc, whether it has an `x/N` file.
    private var chunkRecords: [Int: SearchDocumentRecord] = [:]
    private var hasRest: [Bool] = []
    private var years: [String: [Int]] = [:]
    private var docCount = 0
    /// A changed key's word is spelt otherwise elsewhere (see `SearchKeyFilter.otherSpelling`).
    private var otherSpelling = false
    /// After `finish`: the weight the shard count was chosen from, for the next build.
    public private(set) var smallBytes = 0

    public init(builder: SearchIndexBuilder, previous: Previous, changes: [Change]) {
        self.builder = builder
        self.previous = previous
        let words = words
        accumulator = PostingAccumulator(part: 0, parts: 1, memoryLimit: .max, hash: { words.hash(of: $0) })
        changedChunks = Set(changes.map { $0.doc / builder.docsPerChunk })
        for change in changes {
            for topic in change.oldTopics + change.newTopics where topicIndex[topic] == nil {
                topicIndex[topic] = words.topics.count
                words.topics.append(topic)
            }
        }
        // A key whose entry in every changed document is as it was keeps its postings: only the
        // others are accumulated again.
        for change in changes {
            let old = SearchDocumentKeys(change.old, topics: change.oldTopics, topicIndex: topicIndex, words: words, parts: 1)
            let new = SearchDocumentKeys(change.new, topics: change.newTopics, topicIndex: topicIndex, words: words, parts: 1)
            guard let oldEntries = old.entries(), let newEntries = new.entries() else {
                changedKeys.formUnion(old.keys + new.keys + (old.topics + new.topics).map(SearchKeyCode.topic))
                continue
            }
            for (key, entry) in oldEntries where newEntries[key] != entry { changedKeys.insert(key) }
            for key in newEntries.keys where oldEntries[key] == nil { changedKeys.insert(key) }
            changedKeys.formUnion(Set(old.topics).symmetricDifference(new.topics).map(SearchKeyCode.topic))
        }
        filter = SearchKeyFilter(keys: changedKeys, words: words.words)
    }

    /// Adds the next documents (articles and their records), which take the next doc ids.
    public func add(_ articles: [Article], records: [SearchDocumentRecord]) {
        precondition(articles.count == records.count)
        SearchIndexBuilder.addYears(of: articles, firstID: docCount, to: &years)
        let filter = filter, topicIndex = topicIndex
        let found = Parallel.map(records.count) { i in
            let ids = SearchDocumentKeys.wordIDs(of: records[i]) { filter.wordID($0) }
            return (SearchDocumentKeys(records[i], ids: ids, topics: articles[i].topics, topicIndex: topicIndex, keep: filter),
                    ids.contains(SearchKeyFilter.otherSpelling))
        }
        if found.contains(where: \.1) { otherSpelling = true }
        let topicKeys = words.topics.indices.map(SearchKeyCode.topic)
        for (i, (keys, _)) in found.enumerated() {
            let doc = docCount + i
            accumulator.add(doc: doc, keys, topicKeys: topicKeys)
            if changedChunks.contains(doc / builder.docsPerChunk) { chunkRecords[doc] = records[i] }
            hasRest.append(!records[i].rest.isEmpty)
        }
        docCount += records.count
    }

    /// A previous shard's parts: its `files` object as it is, and its `terms` entries.
    private struct OldShard {
        var files: ArraySlice<UInt8>
        /// The id of each key's file of its own (`p/N-M`), by the key's bytes.
        var fileIDs: [[UInt8]: String]
        var terms: [(key: ArraySlice<UInt8>, postings: ArraySlice<UInt8>)]
    }

    /// Emits the manifest and the files that changed, after `reuse` took every other file from the
    /// previous build; false (nothing emitted) when the patch cannot be shown equal to a full build.
    /// `previousFile` gives the JSON of a previous index file (checked against its hash);
    /// `ownFiles` the ids of each previous shard's files of their own; `reuse` keeps previous
    /// files by id and answers false when one is missing.
    public func finish(previousFile: (String) -> Data?, ownFiles: [Int: [String]], reuse: ([String]) -> Bool,
                       emit: ([SearchIndexFile]) throws -> Void) throws -> Bool {
        let shards = previous.shards
        guard docCount == previous.docCount, shards > 0, !otherSpelling else { return false }
        // The changed keys by shard: their text, and their postings now (nil when none are left).
        var byShard: [Int: [(text: String, term: Int?)]] = [:]
        var termOf: [UInt64: Int] = [:]
        for (term, key) in accumulator.keys.enumerated() { termOf[key] = term }
        for key in changedKeys {
            let shard = Int(words.hash(of: key)) & (shards - 1)
            byShard[shard, default: []].append((words.text(of: key), termOf[key]))
        }
        var small = previous.smallBytes
        var shardFiles: [Int: [SearchIndexFile]] = [:]
        for (shard, changed) in byShard {
            let id = "p/\(shard)"
            guard let json = previousFile(id), let old = Self.parse(json, id: id) else { return false }
            var entries = old.terms.filter { !$0.key.contains(0x5C) }
            guard entries.count == old.terms.count, !old.files.contains(0x5C) else { return false }
            let changedTexts = Set(changed.map { Array($0.text.utf8) })
            for entry in old.terms where changedTexts.contains(Array(entry.key)) {
                small -= SearchIndexBuilder.smallWeight(postings: entry.postings.count, textBytes: entry.key.count)
            }
            entries.removeAll { changedTexts.contains(Array($0.key)) }
            var files: [SearchIndexFile] = []
            for (text, term) in changed {
                var escaped = SearchJSONBytes()
                escaped.string(text)
                let utf8 = Array(text.utf8)
                guard escaped.bytes.count == utf8.count + 2 else { return false }
                let postings = term.map { accumulator.postings($0) } ?? []
                let own = postings.count > builder.ownFileBytes
                // A key moving into or out of a file of its own renumbers the shard's own files.
                guard own == (old.fileIDs[utf8] != nil) else { return false }
                if own, let fileID = old.fileIDs[utf8] {
                    let key = accumulator.keys[term!]
                    files += SearchPostingFiles.ownFiles(text: text, positioned: !SearchKeyCode.isUnigram(key) && !SearchKeyCode.isTopic(key),
                                                         id: fileID, postings: postings)
                } else if term != nil {
                    small += SearchIndexBuilder.smallWeight(postings: postings.count, textBytes: utf8.count)
                    entries.append((utf8[...], postings[...]))
                }
            }
            entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            var out = SearchJSONBytes(capacity: json.count + 1024)
            out.raw("{\"files\":{")
            out.bytes += old.files
            out.raw("},\"id\":")
            out.string(id)
            out.raw(",\"terms\":{")
            for (n, entry) in entries.enumerated() {
                if n > 0 { out.raw(",") }
                out.plain(entry.key)
                out.raw(":")
                out.plain(entry.postings)
            }
            out.raw("}}")
            shardFiles[shard] = [SearchIndexFile(id: id, json: Data(out.bytes))] + files
        }
        guard builder.shardCount(smallBytes: small) == shards else { return false }
        // Every file not made again is the previous build's.
        for shard in 0..<shards {
            let made = Set(shardFiles[shard]?.map(\.id) ?? [])
            let kept = (shardFiles[shard] == nil ? ["p/\(shard)"] : []) + (ownFiles[shard] ?? []).filter { !made.contains($0) }
            guard kept.isEmpty || reuse(kept) else { return false }
        }
        let chunks = (docCount + builder.docsPerChunk - 1) / builder.docsPerChunk
        for chunk in 0..<chunks where !changedChunks.contains(chunk) {
            let docs = (chunk * builder.docsPerChunk)..<min(docCount, (chunk + 1) * builder.docsPerChunk)
            guard reuse([SearchIndexLayout.chunkID(for: docs.lowerBound, docsPerChunk: builder.docsPerChunk)]
                + docs.filter { hasRest[$0] }.map { "x/\($0)" }) else { return false }
        }
        smallBytes = small
        try emit([builder.manifestFile(docCount: docCount, shards: shards, years: years)])
        for chunk in changedChunks.sorted() {
            let first = chunk * builder.docsPerChunk
            let docs = (first..<min(docCount, first + builder.docsPerChunk)).compactMap { chunkRecords[$0] }
            try emit(builder.docChunk(docs[...], firstID: first))
        }
        for shard in shardFiles.keys.sorted() { try emit(shardFiles[shard]!) }
        return true
    }

    /// The `files` object and the `terms` entries of a shard's JSON as `SearchPostingFiles` writes it.
    private static func parse(_ json: Data, id: String) -> OldShard? {
        let bytes = [UInt8](json)
        var head = SearchJSONBytes()
        head.raw("{\"files\":{")
        var middle = SearchJSONBytes()
        middle.raw("},\"id\":")
        middle.string(id)
        middle.raw(",\"terms\":{")
        guard bytes.starts(with: head.bytes), bytes.suffix(2) == [0x7D, 0x7D] else { return nil }
        // Keys in this index never hold `"` unescaped, so the first `},"id":` ends the files object.
        guard let filesEnd = find(middle.bytes, in: bytes, from: head.bytes.count) else { return nil }
        let files = bytes[head.bytes.count..<filesEnd]
        var fileIDs: [[UInt8]: String] = [:]
        var at = files.startIndex
        while at < files.endIndex {
            guard let key = string(files, at), files.indices.contains(key.next), files[key.next] == 0x3A,
                  let value = string(files, key.next + 1) else { return nil }
            fileIDs[Array(key.range)] = String(decoding: value.range, as: UTF8.self)
            at = value.next
            if at < files.endIndex { guard files[at] == 0x2C else { return nil }; at += 1 }
        }
        var terms: [(key: ArraySlice<UInt8>, postings: ArraySlice<UInt8>)] = []
        let body = bytes[(filesEnd + middle.bytes.count)..<(bytes.count - 2)]
        at = body.startIndex
        while at < body.endIndex {
            guard let key = string(body, at), body.indices.contains(key.next), body[key.next] == 0x3A,
                  let value = string(body, key.next + 1) else { return nil }
            terms.append((key.range, value.range))
            at = value.next
            if at < body.endIndex { guard body[at] == 0x2C else { return nil }; at += 1 }
        }
        return OldShard(files: files, fileIDs: fileIDs, terms: terms)
    }

    /// The string literal starting at `at`: its bytes between the quotes, and the index after it.
    /// Escapes are skipped over (a key holding one makes the caller give up).
    private static func string(_ bytes: ArraySlice<UInt8>, _ at: Int) -> (range: ArraySlice<UInt8>, next: Int)? {
        guard bytes.indices.contains(at), bytes[at] == 0x22 else { return nil }
        var i = at + 1
        while i < bytes.endIndex {
            if bytes[i] == 0x5C { i += 2; continue }
            if bytes[i] == 0x22 { return (bytes[(at + 1)..<i], i + 1) }
            i += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
