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
    // Occurrences grouped by key: an open-addressing table of entries, each with a chain of
    // positions. The buffers only grow; `group` fills them through pointers, not appends.
    private struct Entry {
        var key: UInt64 = 0
        var first: Int32 = 0
        var last: Int32 = 0
        var count: Int32 = 0
        var head: Int32 = 0
        var slot: Int32 = 0
    }
    private struct Occurrence {
        var position: Int32 = 0
        var next: Int32 = -1
    }
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var occurrences: [Occurrence] = []
    /// Per unit, the entry of its single key; per pair entry, the entries of its units' singles.
    private var unitEntry: [Int32] = []
    private var pairUnits: [(Int32, Int32)] = []

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
        let n = units.count
        var capacity = 64
        while capacity < n * 4 { capacity *= 2 }
        if slots.count < capacity { slots = [Int32](repeating: -1, count: capacity) }
        // At most one single and one pair key, and two occurrences, per unit.
        if entries.count < 2 * n { entries = [Entry](repeating: Entry(), count: 2 * n) }
        if occurrences.count < 2 * n { occurrences = [Occurrence](repeating: Occurrence(), count: 2 * n) }
        if unitEntry.count < n { unitEntry = [Int32](repeating: 0, count: n) }
        if pairUnits.count < n { pairUnits = [(Int32, Int32)](repeating: (0, 0), count: n) }
        let mask = slots.count - 1
        let shift = UInt64(64 - slots.count.trailingZeroBitCount)
        var result = SearchDocumentRecord.Keys()
        let units = units, positions = unitPositions
        slots.withUnsafeMutableBufferPointer { slots in
        entries.withUnsafeMutableBufferPointer { entries in
        occurrences.withUnsafeMutableBufferPointer { occurrences in
        unitEntry.withUnsafeMutableBufferPointer { unitEntry in
        pairUnits.withUnsafeMutableBufferPointer { pairUnits in
            var entryCount = 0, occurrenceCount = 0, pairCount = 0

            /// Adds an occurrence of `key`; returns its entry and whether the entry is new.
            func add(_ key: UInt64, _ position: Int32) -> (entry: Int32, new: Bool) {
                let occurrence = Int32(occurrenceCount)
                occurrences[occurrenceCount] = Occurrence(position: position, next: -1)
                occurrenceCount += 1
                let inHead: Int32 = position < headEnd ? 1 : 0
                var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
                while true {
                    let entry = Int(slots[slot])
                    if entry < 0 {
                        slots[slot] = Int32(entryCount)
                        entries[entryCount] = Entry(key: key, first: occurrence, last: occurrence, count: 1, head: inHead, slot: Int32(slot))
                        entryCount += 1
                        return (Int32(entryCount - 1), true)
                    }
                    if entries[entry].key == key {
                        occurrences[Int(entries[entry].last)].next = occurrence
                        entries[entry].last = occurrence
                        entries[entry].count += 1
                        entries[entry].head += inHead
                        return (Int32(entry), false)
                    }
                    slot = (slot + 1) & mask
                }
            }

            for i in 0..<n { unitEntry[i] = add(SearchKeyCode.single(units[i]), positions[i]).entry }
            let singles = entryCount
            for i in 0..<max(0, n - 1) {
                let unit = units[i], position = positions[i]
                if positions[i + 1] == position + 1, SearchKeyCode.isHan(unit) || SearchKeyCode.isHan(units[i + 1]),
                   add(SearchKeyCode.pair(unit, units[i + 1]), position).new {
                    pairUnits[pairCount] = (unitEntry[i], unitEntry[i + 1])
                    pairCount += 1
                }
            }

            result.singles = singles
            result.pairs = pairCount
            var keys = SearchRecordBytes.Writer(capacity: singles * 4 + pairCount * 3)
            result.tails.reserveCapacity(occurrenceCount * 2 + entryCount * 2)
            var previousFirst: Int32 = 0
            for e in 0..<entryCount {
                let entry = entries[e]
                slots[Int(entry.slot)] = -1
                if e < singles {
                    let unit = UInt32(truncatingIfNeeded: entry.key)
                    keys.count(unit & SearchKeyCode.wordFlag != 0 ? Int(unit & ~SearchKeyCode.wordFlag) << 1 | 1 : Int(unit) << 1)
                } else {
                    let (first, second) = pairUnits[e - singles]
                    keys.count(SearchDocumentRecord.zigzag(Int(first - previousFirst)))
                    keys.count(SearchDocumentRecord.zigzag(Int(second - first)))
                    previousFirst = first
                }
                let start = result.tails.count
                PostingCodec.append(Int(entry.count) * 2 + (entry.head > 0 ? 1 : 0), to: &result.tails)
                if entry.head > 0 { PostingCodec.append(Int(entry.head), to: &result.tails) }
                if !SearchKeyCode.isUnigram(entry.key) {
                    var previous: Int32 = -1
                    var occurrence = entry.first
                    while occurrence >= 0 {
                        let position = occurrences[Int(occurrence)].position
                        PostingCodec.append(Int(position - previous), to: &result.tails)
                        previous = position
                        occurrence = occurrences[Int(occurrence)].next
                    }
                }
                keys.count(result.tails.count - start)
            }
            result.keys = keys.bytes
        }
        }
        }
        }
        }
        return result
    }
}
