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
/// postings in doc-id order.
struct SearchTermCollector {
    let normalizer: SearchScalarNormalizer
    /// Documents tokenized per round: enough to keep the cores busy, few enough to stay small.
    var roundSize = 1024
    /// Pending postings kept in memory before they go to a temporary file, over all parts.
    let memoryLimit: Int

    init(normalizer: SearchNormalizer, memoryLimit: Int) {
        self.normalizer = SearchScalarNormalizer.shared(for: normalizer)
        self.memoryLimit = memoryLimit
    }

    func collect(_ docs: [Article]) -> SearchTerms {
        let words = SearchWordTable()
        var topicIDs: [String] = []
        var topicIndex: [String: Int] = [:]
        for doc in docs {
            for topic in doc.topics where topicIndex[topic] == nil {
                topicIndex[topic] = topicIDs.count
                topicIDs.append(topic)
            }
        }
        let topicKeys = topicIDs.indices.map(SearchKeyCode.topic)
        let topicIndexes = topicIndex
        let workers = SearchParallel.cores
        let tokenizers = UnsafeMutableBufferPointer<SearchDocumentTokenizer>.allocate(capacity: workers)
        tokenizers.initialize(repeating: SearchDocumentTokenizer(normalizer: normalizer, words: words))
        defer { tokenizers.deinitialize(); tokenizers.deallocate() }
        let accumulators = UnsafeMutableBufferPointer<PostingAccumulator>.allocate(capacity: workers)
        let ids = topicIDs
        for part in 0..<workers {
            (accumulators.baseAddress! + part).initialize(to: PostingAccumulator(
                part: part, parts: workers, memoryLimit: memoryLimit / workers, hash: { words.hash(of: $0, topics: ids) }))
        }
        defer { accumulators.deinitialize(); accumulators.deallocate() }
        for first in stride(from: 0, to: docs.count, by: roundSize) {
            let count = min(roundSize, docs.count - first)
            let round = UnsafeMutableBufferPointer<SearchDocumentKeys>.allocate(capacity: count)
            round.initialize(repeating: SearchDocumentKeys())
            nonisolated(unsafe) let slots = round, own = tokenizers, parts = accumulators
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in (count * worker / workers)..<(count * (worker + 1) / workers) {
                    slots[i] = own[worker].keys(of: docs[first + i], topicIndex: topicIndexes)
                }
            }
            // Each accumulator owns a part of the keys, so they add the round side by side.
            DispatchQueue.concurrentPerform(iterations: workers) { part in
                for i in 0..<count { parts[part].add(doc: first + i, slots[i], topicKeys: topicKeys) }
                parts[part].spillIfFull()
            }
            round.deinitialize()
            round.deallocate()
        }
        return terms(Array(accumulators), words: words, topics: topicIDs)
    }

    private func terms(_ accumulators: [PostingAccumulator], words: SearchWordTable, topics: [String]) -> SearchTerms {
        var starts: [Int] = []
        var total = 0
        for accumulator in accumulators { starts.append(total); total += accumulator.count }
        var terms = SearchTerms(pools: accumulators.map(\.pool), spills: accumulators.map(\.spill), partStarts: starts)
        let keys = accumulators.flatMap(\.keys)
        for (part, accumulator) in accumulators.enumerated() {
            terms.chains += accumulator.chains
            terms.spilled += accumulator.spilled
            terms.hashes += accumulator.hashes
            terms.parts += [UInt8](repeating: UInt8(part), count: accumulator.count)
        }
        terms.texts = SearchParallel.map(keys.count) { words.text(of: keys[$0], topics: topics) }
        terms.positioned = keys.map { !SearchKeyCode.isUnigram($0) && !SearchKeyCode.isTopic($0) }
        return terms
    }
}
