import BroadsheetModel
import Foundation

/// Rebuilds the index when a few documents changed in place: the same documents in the same doc
/// order, some with new records. Only a key whose entry in such a document changed, appeared or
/// went (or a topic marker added or removed there) can have new postings; those postings are the
/// previous ones (from the previous shard or the key's own files) with the changed documents'
/// entries replaced (`PostingSplice`), so no other document's keys are read (accumulating the
/// changed keys over every document's record was 15% of a one-file rebuild at 10,000 articles).
/// Their shards are the previous shards with those keys' entries replaced; every other shard, doc
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
    /// The changed documents, and each one's new entries (after the doc delta) of the changed keys.
    private let changedDocs: Set<Int>
    private var newEntries: [(doc: Int, entries: [UInt64: ArraySlice<UInt8>])] = []
    /// False when a changed record repeats a key (only a damaged one does): then its entries are unknown.
    private var canSplice = true
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
        changedChunks = Set(changes.map { $0.doc / builder.docsPerChunk })
        changedDocs = Set(changes.map(\.doc))
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
            guard let oldEntries = old.entries(), var newEntries = new.entries() else {
                changedKeys.formUnion(old.keys + new.keys + (old.topics + new.topics).map(SearchKeyCode.topic))
                canSplice = false
                continue
            }
            for (key, entry) in oldEntries where newEntries[key] != entry { changedKeys.insert(key) }
            for key in newEntries.keys where oldEntries[key] == nil { changedKeys.insert(key) }
            changedKeys.formUnion(Set(old.topics).symmetricDifference(new.topics).map(SearchKeyCode.topic))
            for topic in new.topics { newEntries[SearchKeyCode.topic(topic)] = [] }
            self.newEntries.append((change.doc, newEntries))
        }
        newEntries.sort { $0.doc < $1.doc }
        filter = SearchKeyFilter(keys: changedKeys, words: words.words)
    }

    /// Adds the next documents (articles and their records), which take the next doc ids.
    public func add(_ articles: [Article], records: [SearchDocumentRecord]) {
        precondition(articles.count == records.count)
        SearchIndexBuilder.addYears(of: articles, firstID: docCount, to: &years)
        // Only the words are read: a changed key's word spelt otherwise here makes the patch give up.
        let filter = filter
        let found = Parallel.map(records.count) { i in
            SearchDocumentKeys.wordIDs(of: records[i]) { filter.wordID($0) }.contains(SearchKeyFilter.otherSpelling)
        }
        if found.contains(true) { otherSpelling = true }
        for i in records.indices {
            let doc = docCount + i
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
        guard docCount == previous.docCount, shards > 0, !otherSpelling, canSplice else { return false }
        // The changed keys by shard, with their text.
        var byShard: [Int: [(text: String, key: UInt64)]] = [:]
        for key in changedKeys {
            let shard = Int(words.hash(of: key)) & (shards - 1)
            byShard[shard, default: []].append((words.text(of: key), key))
        }
        // Each changed shard on its own (in parallel): its files and the change of its weight;
        // nil when the patch must give up.
        let changedShards = byShard.keys.sorted()
        let made = Parallel.map(changedShards.count) { i in
            patchedShard(changedShards[i], changed: byShard[changedShards[i]]!, previousFile: previousFile)
        }
        var small = previous.smallBytes
        var shardFiles: [Int: [SearchIndexFile]] = [:]
        for (shard, result) in zip(changedShards, made) {
            guard let result else { return false }
            small += result.weight
            shardFiles[shard] = result.files
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

    /// A changed shard: the previous shard with the changed keys' entries spliced (and their own
    /// files made again), and how much its weight changed; nil when the patch must give up.
    private func patchedShard(_ shard: Int, changed: [(text: String, key: UInt64)],
                              previousFile: (String) -> Data?) -> (files: [SearchIndexFile], weight: Int)? {
        let id = "p/\(shard)"
        guard let json = previousFile(id), let old = Self.parse(json, id: id) else { return nil }
        var entries = old.terms.filter { !$0.key.contains(0x5C) }
        guard entries.count == old.terms.count, !old.files.contains(0x5C) else { return nil }
        var weight = 0
        // Slices hash and compare by their bytes: no array is made per term of the shard.
        let changedTexts = Set(changed.map { Array($0.text.utf8)[...] })
        var oldPostings: [ArraySlice<UInt8>: ArraySlice<UInt8>] = [:]
        for entry in old.terms where changedTexts.contains(entry.key) {
            weight -= SearchIndexBuilder.smallWeight(postings: entry.postings.count, textBytes: entry.key.count)
            if oldPostings[entry.key] == nil { oldPostings[entry.key] = entry.postings }
        }
        entries.removeAll { changedTexts.contains($0.key) }
        var files: [SearchIndexFile] = []
        for (text, key) in changed {
            var escaped = SearchJSONBytes()
            escaped.string(text)
            let utf8 = Array(text.utf8)
            guard escaped.bytes.count == utf8.count + 2 else { return nil }
            let kind = PostingSplice.Kind(key: key)
            let before: ArraySlice<UInt8>
            if let fileID = old.fileIDs[utf8] {
                guard let postings = Self.ownPostings(fileID, kind: kind, previousFile: previousFile) else { return nil }
                before = postings[...]
            } else {
                before = oldPostings[utf8[...]] ?? []
            }
            let added = newEntries.compactMap { change in change.entries[key].map { (doc: change.doc, tail: $0) } }
            guard let postings = PostingSplice.splice(before, kind: kind, replaced: changedDocs, added: added) else { return nil }
            let own = postings.count > builder.ownFileBytes
            // A key moving into or out of a file of its own renumbers the shard's own files.
            guard own == (old.fileIDs[utf8] != nil) else { return nil }
            if own, let fileID = old.fileIDs[utf8] {
                files += SearchPostingFiles.ownFiles(text: text, positioned: kind == .positioned, id: fileID, postings: postings)
            } else if !postings.isEmpty {
                weight += SearchIndexBuilder.smallWeight(postings: postings.count, textBytes: utf8.count)
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
        return ([SearchIndexFile(id: id, json: Data(out.bytes))] + files, weight)
    }

    /// The whole postings of a key kept in files of its own (`SearchPostingFiles.ownFiles`): the
    /// file's postings, joined with its positions file's for a positioned key.
    private static func ownPostings(_ id: String, kind: PostingSplice.Kind, previousFile: (String) -> Data?) -> [UInt8]? {
        guard let json = previousFile(id), let postings = field("postings", in: [UInt8](json)) else { return nil }
        guard kind == .positioned else { return Array(postings) }
        guard let pos = previousFile(id + "-pos"), let positions = field("positions", in: [UInt8](pos)) else { return nil }
        return PostingSplice.joined(entries: postings, positions: positions)
    }

    /// The characters of the string value of `"name":` in an own file's JSON (postings hold no escapes).
    private static func field(_ name: String, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let needle = Array("\"\(name)\":\"".utf8)
        guard let start = find(needle, in: bytes, from: 0) else { return nil }
        let from = start + needle.count
        guard let end = bytes[from...].firstIndex(of: 0x22) else { return nil }
        return bytes[from..<end]
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
