import BroadsheetModel
import BroadsheetText
import Dispatch

/// Every key of the index with its encoded postings, its text and its shard hash, in the order the
/// keys were first met.
struct SearchTerms: Sendable {
    var texts: [String] = []
    /// False for unigrams and topic markers, which store no positions.
    var positioned: [Bool] = []
    var hashes: [UInt32] = []
    /// Each part's pool and spill file; per key its part, its bytes in the spill, and its chain.
    let pools: [PostingPool]
    let spills: [PostingSpill?]
    /// Index of each part's first key.
    let partStarts: [Int]
    var parts: [UInt8] = []
    var spilled: [UInt32] = []
    var chains: [PostingPool.Chain] = []
    var count: Int { texts.count }

    init(pools: [PostingPool], spills: [PostingSpill?], partStarts: [Int]) {
        self.pools = pools
        self.spills = spills
        self.partStarts = partStarts
    }

    /// Bytes of the key's encoded postings.
    func size(_ term: Int) -> Int { Int(spilled[term]) + Int(chains[term].count) }

    /// The spilled bytes of the keys in `buckets` (of `PostingSpill`), by key.
    func spilledPostings(buckets: [Int]) -> [Int: [UInt8]] {
        var found: [Int: [UInt8]] = [:]
        for (part, spill) in spills.enumerated() {
            guard let spill else { continue }
            for bucket in buckets {
                spill.read(bucket: bucket) { term, bytes in found[partStarts[part] + Int(term), default: []] += bytes }
            }
        }
        return found
    }

    /// Appends the key's postings: its spilled bytes (from `spilledPostings`), then those in memory.
    func appendPostings(_ term: Int, spilled: [Int: [UInt8]], to out: inout [UInt8]) {
        if let bytes = spilled[term] { out += bytes }
        pools[Int(parts[term])].copy(chains[term], to: &out)
    }

    func postings(_ term: Int, spilled: [Int: [UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size(term))
        appendPostings(term, spilled: spilled, to: &out)
        return out
    }
}

/// Tokenizes documents on all cores, a round at a time, and adds each round's keys to the
/// postings in doc-id order. Documents come in batches (`add`), so a caller need not hold them all.
final class SearchTermCollector {
    let normalizer: SearchScalarNormalizer
    /// Documents tokenized per round: enough to keep the cores busy, few enough to stay small.
    var roundSize = 1024
    private let words = SearchWordTable()
    private var topicIndex: [String: Int] = [:]
    private let workers = Parallel.cores
    private let tokenizers: UnsafeMutableBufferPointer<SearchDocumentTokenizer>
    /// One per core, each owning a part of the keys; they add a round side by side.
    private let accumulators: UnsafeMutableBufferPointer<PostingAccumulator>
    private(set) var docCount = 0

    /// `memoryLimit`: pending postings kept in memory, over all parts, before they go to a temporary file.
    init(normalizer: SearchNormalizer, memoryLimit: Int) {
        self.normalizer = SearchScalarNormalizer.shared(for: normalizer)
        tokenizers = .allocate(capacity: workers)
        tokenizers.initialize(repeating: SearchDocumentTokenizer(normalizer: self.normalizer))
        accumulators = .allocate(capacity: workers)
        let words = self.words
        for part in 0..<workers {
            (accumulators.baseAddress! + part).initialize(to: PostingAccumulator(
                part: part, parts: workers, memoryLimit: memoryLimit / workers, hash: { words.hash(of: $0) }))
        }
    }

    deinit {
        tokenizers.deinitialize()
        tokenizers.deallocate()
        accumulators.deinitialize()
        accumulators.deallocate()
    }

    /// Adds the next documents, which take the next doc ids, and returns their records: those in
    /// `cached` (by position, nil when there is none) as they are, the others made with the
    /// tokenizer and `describe` (which adds the doc-chunk pieces).
    func add(_ docs: [Article], cached: [SearchDocumentRecord?],
             describe: @escaping @Sendable (Article) -> SearchDocumentRecord.Display) -> [SearchDocumentRecord] {
        precondition(cached.count == docs.count)
        for doc in docs {
            for topic in doc.topics where topicIndex[topic] == nil {
                topicIndex[topic] = words.topics.count
                words.topics.append(topic)
            }
        }
        let topicKeys = words.topics.indices.map(SearchKeyCode.topic)
        let topicIndexes = topicIndex, workers = workers, words = words
        var records = [SearchDocumentRecord](repeating: SearchDocumentRecord(), count: docs.count)
        for first in stride(from: 0, to: docs.count, by: roundSize) {
            let count = min(roundSize, docs.count - first)
            let round = UnsafeMutableBufferPointer<SearchDocumentKeys>.allocate(capacity: count)
            round.initialize(repeating: SearchDocumentKeys())
            nonisolated(unsafe) let slots = round, own = tokenizers, parts = accumulators
            let firstID = docCount
            records.withUnsafeMutableBufferPointer { made in
                nonisolated(unsafe) let made = made
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for i in (first + count * worker / workers)..<(first + count * (worker + 1) / workers) {
                        if let record = cached[i] {
                            made[i] = record
                        } else {
                            made[i] = SearchDocumentRecord(own[worker].keys(of: docs[i]), describe(docs[i]))
                        }
                        slots[i - first] = SearchDocumentKeys(made[i], topics: docs[i].topics, topicIndex: topicIndexes, words: words, parts: workers)
                    }
                }
            }
            DispatchQueue.concurrentPerform(iterations: workers) { part in
                for i in 0..<count { parts[part].add(doc: firstID + i, slots[i], topicKeys: topicKeys) }
                parts[part].spillIfFull()
            }
            docCount += count
            round.deinitialize()
            round.deallocate()
        }
        return records
    }

    /// Every key with its postings; the collector takes no more documents after this.
    func finish() -> SearchTerms {
        let parts = Array(accumulators)
        var starts: [Int] = []
        var total = 0
        for accumulator in parts { starts.append(total); total += accumulator.count }
        var terms = SearchTerms(pools: parts.map(\.pool), spills: parts.map(\.spill), partStarts: starts)
        let keys = parts.flatMap(\.keys)
        for (part, accumulator) in parts.enumerated() {
            terms.chains += accumulator.chains
            terms.spilled += accumulator.spilled
            terms.hashes += accumulator.hashes
            terms.parts += [UInt8](repeating: UInt8(part), count: accumulator.count)
        }
        let words = self.words
        terms.texts = Parallel.map(keys.count) { words.text(of: keys[$0]) }
        terms.positioned = keys.map { !SearchKeyCode.isUnigram($0) && !SearchKeyCode.isTopic($0) }
        return terms
    }
}
