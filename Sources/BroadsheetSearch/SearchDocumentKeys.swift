import BroadsheetModel
import BroadsheetText

/// One document's keys, each with its entry already encoded except the leading doc delta (which
/// depends on the key's previous document): `tf × 2 + h`, `head`, positions (docs/search-index.md,
/// "Postings"). Produced on any thread; the accumulator adds them in doc-id order.
struct SearchDocumentKeys: Sendable {
    var keys: [UInt64] = []
    /// End offset in `tails` of each key's encoded entry.
    var tailEnds: [Int32] = []
    var tails: [UInt8] = []
    var topics: [Int] = []
    /// End index in `keys` of each accumulator part's keys (`PostingAccumulator.part(of:parts:)`).
    var partEnds: [Int] = []
}

/// Tokenizes documents into `SearchDocumentKeys` with the rules of `SearchTokenizer`, over
/// integer units. One per thread: it keeps its buffers between documents.
struct SearchDocumentTokenizer {
    let normalizer: SearchScalarNormalizer
    let words: SearchWordTable
    private var scalars: [UInt32] = []
    private var units: [UInt32] = []
    private var unitPositions: [Int32] = []
    // Occurrences grouped by key: an open-addressing table of entries, each with a chain of positions.
    private var slots: [Int32] = []
    private var entryKeys: [UInt64] = []
    private var entryFirst: [Int32] = []
    private var entryLast: [Int32] = []
    private var entryCount: [Int32] = []
    private var entryHead: [Int32] = []
    private var entrySlot: [Int32] = []
    private var entryPart: [Int32] = []
    private var entryOrder: [Int32] = []
    private var occurrencePosition: [Int32] = []
    private var occurrenceNext: [Int32] = []

    init(normalizer: SearchScalarNormalizer, words: SearchWordTable) {
        self.normalizer = normalizer
        self.words = words
    }

    /// The article's keys, ordered by the accumulator part (of `parts`) that adds them.
    mutating func keys(of article: Article, topicIndex: [String: Int], parts: Int) -> SearchDocumentKeys {
        units.removeAll(keepingCapacity: true)
        unitPositions.removeAll(keepingCapacity: true)
        var position = 0
        for field in [article.kicker, article.title, article.subtitle] {
            if let field, !field.isEmpty { position = tokenize(field, from: position) }
        }
        let headEnd = Int32(position)
        tokenize(article.plainText, from: position)
        var result = group(headEnd: headEnd, parts: parts)
        var seen = Set<Int>()
        for topic in article.topics {
            if let index = topicIndex[topic], seen.insert(index).inserted { result.topics.append(index) }
        }
        return result
    }

    /// `SearchTokenizer.tokenize` over the normalised scalars of `text`.
    @discardableResult
    private mutating func tokenize(_ text: String, from start: Int) -> Int {
        scalars.removeAll(keepingCapacity: true)
        normalizer.normalize(text, into: &scalars)
        var position = start
        var wordStart = -1
        var lastWasUnit = false
        for i in 0..<scalars.count {
            let value = scalars[i]
            let scalar = Unicode.Scalar(value)!
            if CJK.isIdeograph(scalar) {
                if wordStart >= 0 { addWord(wordStart..<i, &position); wordStart = -1 }
                units.append(value)
                unitPositions.append(Int32(position))
                position += 1
                lastWasUnit = true
            } else if SearchTokenizer.isWordScalar(scalar) {
                if wordStart < 0 { wordStart = i }
            } else {
                if wordStart >= 0 { addWord(wordStart..<i, &position); wordStart = -1; lastWasUnit = true }
                if lastWasUnit { position += 1; lastWasUnit = false }
            }
        }
        if wordStart >= 0 { addWord(wordStart..<scalars.count, &position); lastWasUnit = true }
        return lastWasUnit ? position + 1 : position
    }

    private mutating func addWord(_ range: Range<Int>, _ position: inout Int) {
        units.append(SearchKeyCode.wordFlag | words.id(scalars[range]))
        unitPositions.append(Int32(position))
        position += 1
    }

    /// Groups the keys of the units (`SearchTokenizer.indexKeys`) and encodes each key's entry.
    private mutating func group(headEnd: Int32, parts: Int) -> SearchDocumentKeys {
        var capacity = 64
        while capacity < units.count * 4 { capacity *= 2 }
        if slots.count < capacity { slots = [Int32](repeating: -1, count: capacity) }
        let mask = slots.count - 1
        let shift = UInt64(64 - slots.count.trailingZeroBitCount)
        entryKeys.removeAll(keepingCapacity: true)
        entryFirst.removeAll(keepingCapacity: true)
        entryLast.removeAll(keepingCapacity: true)
        entryCount.removeAll(keepingCapacity: true)
        entryHead.removeAll(keepingCapacity: true)
        entrySlot.removeAll(keepingCapacity: true)
        occurrencePosition.removeAll(keepingCapacity: true)
        occurrenceNext.removeAll(keepingCapacity: true)

        func add(_ key: UInt64, _ position: Int32) {
            let occurrence = Int32(occurrencePosition.count)
            occurrencePosition.append(position)
            occurrenceNext.append(-1)
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
            while true {
                let entry = Int(slots[slot])
                if entry < 0 {
                    slots[slot] = Int32(entryKeys.count)
                    entryKeys.append(key)
                    entryFirst.append(occurrence)
                    entryLast.append(occurrence)
                    entryCount.append(1)
                    entryHead.append(position < headEnd ? 1 : 0)
                    entrySlot.append(Int32(slot))
                    return
                }
                if entryKeys[entry] == key {
                    occurrenceNext[Int(entryLast[entry])] = occurrence
                    entryLast[entry] = occurrence
                    entryCount[entry] += 1
                    if position < headEnd { entryHead[entry] += 1 }
                    return
                }
                slot = (slot + 1) & mask
            }
        }

        for i in 0..<units.count {
            let unit = units[i], position = unitPositions[i]
            add(SearchKeyCode.single(unit), position)
            if i + 1 < units.count, unitPositions[i + 1] == position + 1,
               SearchKeyCode.isHan(unit) || SearchKeyCode.isHan(units[i + 1]) {
                add(SearchKeyCode.pair(unit, units[i + 1]), position)
            }
        }

        // Entries in part order (a counting sort), so each accumulator reads only its own keys.
        var partEnds = [Int](repeating: 0, count: parts)
        entryPart.removeAll(keepingCapacity: true)
        for key in entryKeys {
            let part = parts == 1 ? 0 : PostingAccumulator.part(of: key, parts: parts)
            entryPart.append(Int32(part))
            partEnds[part] += 1
        }
        var next = [Int](repeating: 0, count: parts)
        for part in 1..<max(1, parts) { next[part] = next[part - 1] + partEnds[part - 1] }
        for part in 0..<parts { partEnds[part] += next[part] }
        entryOrder = [Int32](repeating: 0, count: entryKeys.count)
        for entry in 0..<entryKeys.count {
            let part = Int(entryPart[entry])
            entryOrder[next[part]] = Int32(entry)
            next[part] += 1
        }
        var result = SearchDocumentKeys()
        result.partEnds = partEnds
        result.keys.reserveCapacity(entryKeys.count)
        result.tailEnds.reserveCapacity(entryKeys.count)
        result.tails.reserveCapacity(occurrencePosition.count * 2 + entryKeys.count * 2)
        for entry in entryOrder.map(Int.init) {
            let key = entryKeys[entry]
            result.keys.append(key)
            slots[Int(entrySlot[entry])] = -1
            let head = Int(entryHead[entry])
            PostingCodec.append(Int(entryCount[entry]) * 2 + (head > 0 ? 1 : 0), to: &result.tails)
            if head > 0 { PostingCodec.append(head, to: &result.tails) }
            if !SearchKeyCode.isUnigram(key) {
                var previous: Int32 = -1
                var occurrence = entryFirst[entry]
                while occurrence >= 0 {
                    let position = occurrencePosition[Int(occurrence)]
                    PostingCodec.append(Int(position - previous), to: &result.tails)
                    previous = position
                    occurrence = occurrenceNext[Int(occurrence)]
                }
            }
            result.tailEnds.append(Int32(result.tails.count))
        }
        return result
    }
}
