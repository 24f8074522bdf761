import BroadsheetModel

/// One document's keys in this build's word ids, each with its entry already encoded except the
/// leading doc delta (which depends on the key's previous document): `tf × 2 + h`, `head`,
/// positions (docs/search-index.md, "Postings"). Made from a `SearchDocumentRecord` on any
/// thread; the accumulators add them in doc-id order.
struct SearchDocumentKeys: Sendable {
    var keys: [UInt64] = []
    /// The record's bytes, and where each key's entry is in them.
    var bytes: [UInt8] = []
    var tailStarts: [Int32] = []
    var topics: [Int] = []
    /// Indexes of `keys` grouped by accumulator part (`PostingAccumulator.part(of:parts:)`), and
    /// the end in `order` of each part's group.
    var order: [Int32] = []
    var partEnds: [Int] = []

    init() {}

    /// The record's keys with its words interned in `words`, grouped for `parts` accumulators.
    init(_ record: SearchDocumentRecord, topics: [String], topicIndex: [String: Int], words: SearchWordTable, parts: Int) {
        let local = Self.words(of: record)
        self.init(record, ids: local.isEmpty ? [] : words.ids(local), topics: topics, topicIndex: topicIndex, parts: parts)
    }

    /// Only the record's keys that `keep` holds (for one accumulator): `ids` gives each local
    /// word's id, `absentWord` for a word no kept key has, which makes no kept key.
    /// Their entries are copied out of the record, which is not held.
    init(_ record: SearchDocumentRecord, ids: [UInt32], topics: [String], topicIndex: [String: Int], keep: SearchKeyFilter) {
        var keys: [UInt64] = [], tailStarts: [Int32] = [], kept: [UInt8] = []
        record.bytes.withUnsafeBufferPointer { bytes in
            Self.forEachKey(of: record, ids: ids) { key, start, end in
                guard keep.contains(key) else { return }
                keys.append(key)
                tailStarts.append(Int32(kept.count))
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]))
            }
        }
        tailStarts.append(Int32(kept.count))
        (self.keys, self.tailStarts, bytes) = (keys, tailStarts, kept)
        order = Array(0..<Int32(keys.count))
        partEnds = [keys.count]
        self.topics = Self.topicIndexes(topics, topicIndex)
    }

    /// Each key's entry (without its doc delta), by key; nil when a key comes twice (which only
    /// a damaged record has).
    func entries() -> [UInt64: ArraySlice<UInt8>]? {
        var entries: [UInt64: ArraySlice<UInt8>] = [:]
        for (i, key) in keys.enumerated() {
            guard entries.updateValue(bytes[Int(tailStarts[i])..<Int(tailStarts[i + 1])], forKey: key) == nil else { return nil }
        }
        return entries
    }

    /// A word id no table reaches.
    static let absentWord: UInt32 = 0x3FFF_FFFF

    /// The record's words, by local index.
    static func words(of record: SearchDocumentRecord) -> [String] {
        var local: [String] = []
        _ = record.withBlock(record.words) { input in
            while !input.atEnd && input.isValid { local.append(input.string()) }
        }
        return local
    }

    /// The ids `lookup` gives the record's words (by their UTF-8 bytes), by local index.
    static func wordIDs(of record: SearchDocumentRecord, _ lookup: (UnsafeRawBufferPointer) -> UInt32) -> [UInt32] {
        var ids: [UInt32] = []
        _ = record.withBlock(record.words) { input in
            while !input.atEnd && input.isValid { ids.append(lookup(input.stringBytes())) }
        }
        return ids
    }

    /// Calls `body` with each key of the record and where its entry starts and ends in the
    /// record's bytes, in record order (the entries follow one another).
    @inline(__always)
    static func forEachKey(of record: SearchDocumentRecord, ids: [UInt32], _ body: (UInt64, Int32, Int32) -> Void) {
        var units: [UInt32] = []
        units.reserveCapacity(record.singles)
        var tail = Int32(record.tails.lowerBound)
        let end = Int32(record.tails.upperBound)
        _ = record.withBlock(record.keys) { input in
            for _ in 0..<record.singles {
                let code = input.count()
                let value = UInt32(truncatingIfNeeded: code >> 1)
                // Out-of-range indexes only come from a damaged record: they must not trap.
                let unit = code & 1 == 0 ? (value < 0x11_0000 ? value : 0)
                    : SearchKeyCode.wordFlag | (Int(value) < ids.count ? ids[Int(value)] : 0)
                units.append(unit)
                let next = min(tail + Int32(truncatingIfNeeded: input.count() & 0xFFFFFF), end)
                body(SearchKeyCode.single(unit), tail, next)
                tail = next
            }
            var first = 0
            for _ in 0..<record.pairs {
                first = first &+ SearchDocumentRecord.unzigzag(input.count())
                let second = first &+ SearchDocumentRecord.unzigzag(input.count())
                let next = min(tail + Int32(truncatingIfNeeded: input.count() & 0xFFFFFF), end)
                body(units.indices.contains(first) && units.indices.contains(second)
                    ? SearchKeyCode.pair(units[first], units[second]) : SearchKeyCode.single(0), tail, next)
                tail = next
            }
        }
    }

    /// The topics' indexes in `topicIndex`, each once; topics not there are left out.
    static func topicIndexes(_ topics: [String], _ topicIndex: [String: Int]) -> [Int] {
        var seen = Set<Int>(), indexes: [Int] = []
        for topic in topics {
            if let index = topicIndex[topic], seen.insert(index).inserted { indexes.append(index) }
        }
        return indexes
    }

    private init(_ record: SearchDocumentRecord, ids: [UInt32], topics: [String], topicIndex: [String: Int], parts: Int) {
        bytes = record.bytes
        let count = record.singles + record.pairs
        var keys: [UInt64] = [], tailStarts: [Int32] = []
        keys.reserveCapacity(count)
        tailStarts.reserveCapacity(count + 1)
        var last = Int32(record.tails.lowerBound)
        Self.forEachKey(of: record, ids: ids) { key, start, end in
            keys.append(key)
            tailStarts.append(start)
            last = end
        }
        tailStarts.append(last)
        (self.keys, self.tailStarts) = (keys, tailStarts)
        // Keys in part order (a counting sort), so each accumulator reads only its own keys.
        partEnds = [Int](repeating: 0, count: parts)
        if parts == 1 {
            order = Array(0..<Int32(keys.count))
            partEnds[0] = keys.count
        } else {
            var keyParts = [UInt8](repeating: 0, count: keys.count)
            for (i, key) in keys.enumerated() {
                let part = PostingAccumulator.part(of: key, parts: parts)
                keyParts[i] = UInt8(truncatingIfNeeded: part)
                partEnds[part] += 1
            }
            var next = [Int](repeating: 0, count: parts)
            for part in 1..<parts { next[part] = next[part - 1] + partEnds[part - 1] }
            for part in 0..<parts { partEnds[part] += next[part] }
            order = [Int32](repeating: 0, count: keys.count)
            for i in 0..<keys.count {
                let part = Int(keyParts[i])
                order[next[part]] = Int32(i)
                next[part] += 1
            }
        }
        self.topics = Self.topicIndexes(topics, topicIndex)
    }
}
