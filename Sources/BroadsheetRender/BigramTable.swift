import BroadsheetModel
import BroadsheetText

/// Every article's bigrams as integer ids, in flat arrays: the ids of document d are
/// `terms[termStarts[d]..<termStarts[d + 1]]`, ascending; the documents holding bigram t are
/// `documents[documentStarts[t]..<documentStarts[t + 1]]`, ascending.
///
/// Ids follow the sorted order of the bigram strings, as the string vocabulary did before, so
/// that every floating-point sum over a document's bigrams adds in the same order.
struct BigramTable: Sendable {
    var termStarts: [Int]
    var terms: [Int32]
    var documentStarts: [Int]
    var documents: [Int32]
    var vocabularySize: Int { documentStarts.count - 1 }

    /// Documents handled per parallel task.
    private static let chunk = 64

    /// Chunks extracted at a time in the first pass (their keys are dropped once counted).
    private static let chunksPerGroup = 64

    init(texts: [String]) {
        let chunks = (texts.count + Self.chunk - 1) / Self.chunk
        func range(_ c: Int) -> Range<Int> { (c * Self.chunk)..<min(texts.count, (c + 1) * Self.chunk) }
        // Two passes over the texts instead of holding every document's packed keys between
        // them (100 MB at 100,000 articles, the largest part of the render plan's peak): the
        // first finds the distinct keys and strings and each document's count, a group of chunks
        // at a time; the second extracts again and writes each document's ids in place.
        var distinct = IntegerSet(capacity: 1 << 16)
        var otherSet = Set<String>()
        var counts: [Int] = []
        counts.reserveCapacity(texts.count)
        for group in stride(from: 0, to: chunks, by: Self.chunksPerGroup) {
            let parts = Parallel.map(min(Self.chunksPerGroup, chunks - group)) { i in Self.extract(texts, range(group + i)) }
            for part in parts {
                for key in part.keys { distinct.insert(key) }
                if part.others.isEmpty {
                    counts += part.counts
                    continue
                }
                // A document's ids are its packed keys and its distinct unpackable strings.
                var othersOf = [Set<String>](repeating: [], count: part.counts.count)
                for (local, bigram) in part.others {
                    othersOf[local].insert(bigram)
                    otherSet.insert(bigram)
                }
                for (local, count) in part.counts.enumerated() { counts.append(count + othersOf[local].count) }
            }
        }
        var vocabulary: [UInt64] = []
        vocabulary.reserveCapacity(distinct.count)
        distinct.forEach { vocabulary.append($0) }
        distinct = IntegerSet(capacity: 0)
        vocabulary.sort()
        let others = otherSet.sorted()
        let (keyIds, otherIds) = Self.mergedIds(vocabulary, others)
        let otherId = Dictionary(zip(others, otherIds), uniquingKeysWith: { a, _ in a })

        termStarts = [0]
        termStarts.reserveCapacity(texts.count + 1)
        for count in counts { termStarts.append(termStarts[termStarts.count - 1] + count) }
        let docStarts = termStarts
        terms = [Int32](unsafeUninitializedCapacity: docStarts[texts.count]) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer
            Parallel.forEach(chunks) { c in
                let part = Self.extract(texts, range(c))
                var at = docStarts[range(c).lowerBound]
                if part.others.isEmpty {
                    // Sorted keys give sorted ids: ids follow the keys' order.
                    for key in part.keys { buffer[at] = keyIds[Self.position(of: key, in: vocabulary)]; at += 1 }
                    return
                }
                // Rare: documents with unpackable bigrams get those ids added and sorted in.
                var byDocument = [[Int32]](repeating: [], count: part.counts.count)
                for (local, bigram) in part.others { byDocument[local].append(otherId[bigram]!) }
                var start = 0
                for (local, count) in part.counts.enumerated() {
                    let ids = part.keys[start..<(start + count)].map { keyIds[Self.position(of: $0, in: vocabulary)] }
                    for id in Set(ids + byDocument[local]).sorted() { buffer[at] = id; at += 1 }
                    start += count
                }
            }
            initialized = docStarts[texts.count]
        }

        let vocabularySize = vocabulary.count + others.count
        var starts = [Int](repeating: 0, count: vocabularySize + 1)
        for term in terms { starts[Int(term) + 1] += 1 }
        for t in 0..<vocabularySize { starts[t + 1] += starts[t] }
        var fill = starts
        var documents = [Int32](repeating: 0, count: terms.count)
        for d in 0..<texts.count {
            for i in termStarts[d]..<termStarts[d + 1] {
                let t = Int(terms[i])
                documents[fill[t]] = Int32(d)
                fill[t] += 1
            }
        }
        documentStarts = starts
        self.documents = documents
    }

    /// The keys of documents `range`, each document's unique and sorted, and their unpackable bigrams.
    private static func extract(_ texts: [String], _ range: Range<Int>) -> (keys: [UInt64], counts: [Int], others: [(local: Int, bigram: String)]) {
        var keys: [UInt64] = []
        var counts: [Int] = []
        var others: [(local: Int, bigram: String)] = []
        for d in range {
            let start = keys.count
            if !BigramKeys.appendPacked(texts[d], to: &keys) {
                for bigram in BigramKeys.appendByCharacter(texts[d], to: &keys) { others.append((d - range.lowerBound, bigram)) }
            }
            keys[start...].sort()
            var end = start
            for i in start..<keys.count where i == start || keys[i] != keys[end - 1] {
                keys[end] = keys[i]
                end += 1
            }
            keys.removeSubrange(end...)
            counts.append(end - start)
        }
        return (keys, counts, others)
    }

    /// Ids in the order of the bigram strings: the packed keys (in key order, which is their
    /// strings' order) merged with the unpackable strings, compared as strings.
    private static func mergedIds(_ keys: [UInt64], _ others: [String]) -> ([Int32], [Int32]) {
        if others.isEmpty { return (keys.indices.map { Int32($0) }, []) }
        var keyIds = [Int32](repeating: 0, count: keys.count)
        var otherIds = [Int32](repeating: 0, count: others.count)
        var i = 0, j = 0, next: Int32 = 0
        while i < keys.count || j < others.count {
            if j == others.count || (i < keys.count && BigramKeys.string(of: keys[i]) < others[j]) {
                keyIds[i] = next
                i += 1
            } else {
                otherIds[j] = next
                j += 1
            }
            next += 1
        }
        return (keyIds, otherIds)
    }

    private static func position(of key: UInt64, in sorted: [UInt64]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
