import BroadsheetText

/// The keys a `SearchIndexPatch` accumulates (an `IntegerSet`), and the words they are made of,
/// in an open-addressing table with a multiplicative hash: every key of every document is looked
/// up, and Swift's seeded hashing of `Set`/`Dictionary` and a `String` per word dominated that walk.
struct SearchKeyFilter: Sendable {
    private let keys: IntegerSet
    /// Per slot: the word's id + 1 (0 = empty), and the words' UTF-8 bytes to compare on a hit.
    private var wordSlots: [UInt32]
    private let wordShift: UInt64
    private let words: [[UInt8]]
    /// The words as strings: Swift's word table matches words by canonical equivalence, not bytes.
    private let strings: [String: UInt32]
    /// Given for a word whose bytes differ from a known word it equals canonically: the index
    /// would spell that key as whichever it met first, which a patch cannot tell.
    static let otherSpelling: UInt32 = 0x3FFF_FFFE

    init(keys: Set<UInt64>, words: [String]) {
        var table = IntegerSet(capacity: keys.count)
        for key in keys { table.insert(key) }
        self.keys = table
        let wordBits = Self.bits(for: words.count)
        wordShift = UInt64(64 - wordBits)
        wordSlots = [UInt32](repeating: 0, count: 1 << wordBits)
        self.words = words.map { Array($0.utf8) }
        strings = Dictionary(words.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
        for (id, word) in self.words.enumerated() {
            var slot = word.withUnsafeBytes { Self.slot(Self.fnv($0), wordShift) }
            while wordSlots[slot] != 0 { slot = (slot + 1) & (wordSlots.count - 1) }
            wordSlots[slot] = UInt32(id + 1)
        }
    }

    /// Table bits for `count` entries at most half full.
    private static func bits(for count: Int) -> Int {
        var bits = 4
        while 1 << bits < 2 * count { bits += 1 }
        return bits
    }

    @inline(__always) private static func slot(_ value: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always) private static func fnv(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { keys.contains(key) }

    /// The id of the word with these UTF-8 bytes; `SearchDocumentKeys.absentWord` when it is not
    /// one, `otherSpelling` when it is one spelt otherwise.
    func wordID(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var slot = Self.slot(Self.fnv(bytes), wordShift)
        while true {
            let entry = Int(wordSlots[slot])
            if entry == 0 { break }
            if words[entry - 1].elementsEqual(bytes) { return UInt32(entry - 1) }
            slot = (slot + 1) & (wordSlots.count - 1)
        }
        // ASCII bytes equal only themselves; other text may still equal a known word.
        guard bytes.contains(where: { $0 >= 0x80 }), strings[String(decoding: bytes, as: UTF8.self)] != nil else {
            return SearchDocumentKeys.absentWord
        }
        return Self.otherSpelling
    }
}
