import BroadsheetModel
import BroadsheetText

/// Tokenizes documents into the keys of a `SearchDocumentRecord` with the rules of
/// `SearchTokenizer`, over integer units. One per thread: it keeps its buffers between documents.
struct SearchDocumentTokenizer {
    let normalizer: SearchScalarNormalizer
    /// The current document's words, by their index in the record.
    private var wordIndex: [String: UInt32] = [:]
    private var words: [String] = []
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
    /// Per unit, the entry of its single key; per pair entry, the entries of its units' singles.
    private var unitEntry: [Int32] = []
    private var pairUnits: [(Int32, Int32)] = []
    private var occurrencePosition: [Int32] = []
    private var occurrenceNext: [Int32] = []

    init(normalizer: SearchScalarNormalizer) {
        self.normalizer = normalizer
    }

    /// The keys part of the article's record.
    mutating func keys(of article: Article) -> SearchDocumentRecord.Keys {
        units.removeAll(keepingCapacity: true)
        unitPositions.removeAll(keepingCapacity: true)
        wordIndex.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        var position = 0
        for field in [article.kicker, article.title, article.subtitle] {
            if let field, !field.isEmpty { position = tokenize(field, from: position) }
        }
        let headEnd = Int32(position)
        tokenize(article.plainText, from: position)
        var record = group(headEnd: headEnd)
        var out = SearchRecordBytes.Writer(capacity: words.count * 8)
        for word in words { out.string(word) }
        record.words = out.bytes
        return record
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
        var view = String.UnicodeScalarView()
        for value in scalars[range] { view.append(Unicode.Scalar(value)!) }
        let word = String(view)
        var id = UInt32(words.count)
        if let known = wordIndex[word] { id = known } else {
            wordIndex[word] = id
            words.append(word)
        }
        units.append(SearchKeyCode.wordFlag | id)
        unitPositions.append(Int32(position))
        position += 1
    }

    /// Groups the keys of the units (`SearchTokenizer.indexKeys`) and encodes each key's entry:
    /// every single key first, in the order of its unit's first occurrence, then the pairs.
    private mutating func group(headEnd: Int32) -> SearchDocumentRecord.Keys {
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
        unitEntry.removeAll(keepingCapacity: true)
        pairUnits.removeAll(keepingCapacity: true)

        /// Adds an occurrence of `key`; returns its entry and whether the entry is new.
        func add(_ key: UInt64, _ position: Int32) -> (entry: Int32, new: Bool) {
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
                    return (Int32(entryKeys.count - 1), true)
                }
                if entryKeys[entry] == key {
                    occurrenceNext[Int(entryLast[entry])] = occurrence
                    entryLast[entry] = occurrence
                    entryCount[entry] += 1
                    if position < headEnd { entryHead[entry] += 1 }
                    return (Int32(entry), false)
                }
                slot = (slot + 1) & mask
            }
        }

        for i in 0..<units.count { unitEntry.append(add(SearchKeyCode.single(units[i]), unitPositions[i]).entry) }
        let singles = entryKeys.count
        for i in 0..<max(0, units.count - 1) {
            let unit = units[i], position = unitPositions[i]
            if unitPositions[i + 1] == position + 1, SearchKeyCode.isHan(unit) || SearchKeyCode.isHan(units[i + 1]),
               add(SearchKeyCode.pair(unit, units[i + 1]), position).new {
                pairUnits.append((unitEntry[i], unitEntry[i + 1]))
            }
        }

        var result = SearchDocumentRecord.Keys(singles: singles, pairs: entryKeys.count - singles)
        var keys = SearchRecordBytes.Writer(capacity: singles * 4 + result.pairs * 3)
        result.tails.reserveCapacity(occurrencePosition.count * 2 + entryKeys.count * 2)
        var previousFirst: Int32 = 0
        for entry in 0..<entryKeys.count {
            let key = entryKeys[entry]
            slots[Int(entrySlot[entry])] = -1
            if entry < singles {
                let unit = UInt32(truncatingIfNeeded: key)
                keys.count(unit & SearchKeyCode.wordFlag != 0 ? Int(unit & ~SearchKeyCode.wordFlag) << 1 | 1 : Int(unit) << 1)
            } else {
                let (first, second) = pairUnits[entry - singles]
                keys.count(SearchDocumentRecord.zigzag(Int(first - previousFirst)))
                keys.count(SearchDocumentRecord.zigzag(Int(second - first)))
                previousFirst = first
            }
            let start = result.tails.count
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
            keys.count(result.tails.count - start)
        }
        result.keys = keys.bytes
        return result
    }
}
