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

    init(texts: [String]) {
        let chunks = (texts.count + Self.chunk - 1) / Self.chunk
        // Per chunk: the unique sorted keys of each document one after another, and the strings.
        var extracted = Parallel.map(chunks) { c in Self.extract(texts, (c * Self.chunk)..<min(texts.count, (c + 1) * Self.chunk)) }
        // The distinct keys through a hash set, not by sorting a copy of every key: that copy
        // was the largest allocation of a 100,000-article build's render plan.
        var distinct = IntegerSet(capacity: 1 << 16)
        for part in extracted { for key in part.keys { distinct.insert(key) } }
        var vocabulary: [UInt64] = []
        vocabulary.reserveCapacity(distinct.count)
        distinct.forEach { vocabulary.append($0) }
        distinct = IntegerSet(capacity: 0)
        vocabulary.sort()
        let others = Set(extracted.flatMap { $0.others.map(\.bigram) }).sorted()
        let (keyIds, otherIds) = Self.mergedIds(vocabulary, others)
        let otherId = Dictionary(zip(others, otherIds), uniquingKeysWith: { a, _ in a })

        // Rare: the chunks with unpackable bigrams, their documents' ids merged and sorted.
        let merged = Parallel.map(chunks) { c -> (ids: [Int32], counts: [Int])? in
            let part = extracted[c]
            if part.others.isEmpty { return nil }
            let ids = part.keys.map { keyIds[Self.position(of: $0, in: vocabulary)] }
            var byDocument = [[Int32]](repeating: [], count: part.counts.count)
            for (local, bigram) in part.others { byDocument[local].append(otherId[bigram]!) }
            var merged: [Int32] = [], counts: [Int] = []
            var start = 0
            for (local, count) in part.counts.enumerated() {
                let own = Set(ids[start..<(start + count)] + byDocument[local]).sorted()
                merged += own
                counts.append(own.count)
                start += count
            }
            return (merged, counts)
        }
        termStarts = [0]
        termStarts.reserveCapacity(texts.count + 1)
        var chunkStarts = [0]
        for c in 0..<chunks {
            for count in merged[c]?.counts ?? extracted[c].counts { termStarts.append(termStarts[termStarts.count - 1] + count) }
            chunkStarts.append(termStarts[termStarts.count - 1])
        }
        // Each chunk's ids written in place, not gathered per chunk and then copied: at 100,000
        // articles that copy was tens of MB on top of the keys.
        terms = [Int32](unsafeUninitializedCapacity: chunkStarts[chunks]) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer
            Parallel.forEach(chunks) { c in
                var at = chunkStarts[c]
                if let ids = merged[c]?.ids {
                    for id in ids { buffer[at] = id; at += 1 }
                } else {
                    for key in extracted[c].keys { buffer[at] = keyIds[Self.position(of: key, in: vocabulary)]; at += 1 }
                }
            }
            initialized = chunkStarts[chunks]
        }
        extracted = []

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
