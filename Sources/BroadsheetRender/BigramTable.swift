import BroadsheetModel

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
        let extracted = Parallel.map(chunks) { c in Self.extract(texts, (c * Self.chunk)..<min(texts.count, (c + 1) * Self.chunk)) }
        var all: [UInt64] = []
        all.reserveCapacity(extracted.reduce(0) { $0 + $1.keys.count })
        for part in extracted { all += part.keys }
        all.sort()
        let vocabulary = Self.unique(all)
        all = []
        let others = Set(extracted.flatMap { $0.others.map(\.bigram) }).sorted()
        let (keyIds, otherIds) = Self.mergedIds(vocabulary, others)
        let otherId = Dictionary(zip(others, otherIds), uniquingKeysWith: { a, _ in a })

        // Each chunk's ids, document after document, and how many each document has.
        let documentTerms = Parallel.map(chunks) { c -> (ids: [Int32], counts: [Int]) in
            let part = extracted[c]
            let ids = part.keys.map { keyIds[Self.position(of: $0, in: vocabulary)] }
            if part.others.isEmpty { return (ids, part.counts) }
            // Rare: documents with unpackable bigrams get those ids added and sorted in.
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
        terms = []
        terms.reserveCapacity(documentTerms.reduce(0) { $0 + $1.ids.count })
        for part in documentTerms {
            for count in part.counts { termStarts.append(termStarts[termStarts.count - 1] + count) }
            terms += part.ids
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

    private static func unique(_ sorted: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        for key in sorted where result.last != key { result.append(key) }
        return result
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
