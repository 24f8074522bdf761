import BroadsheetText

/// Keeps each paragraph once: exact repeats go, and so do truncated or split copies contained
/// in a longer paragraph (interleaved columns print a paragraph twice, once cut short).
enum Deduplicator {
    /// Short lines repeat on purpose (`同志们、朋友们！`); only paragraphs this long count as copies.
    static let minimumLength = 20

    static func dedupe(_ blocks: [DraftBlock]) -> [DraftBlock] {
        // Paragraphs that are all simple scalars (see SimpleScalars) are compared as scalars.
        var scalarKeys: [[UInt32]] = []
        for block in blocks {
            guard block.kind == .paragraph else { scalarKeys.append([]); continue }
            guard let scalars = SimpleScalars.of(block.text) else { return dedupeByCharacter(blocks) }
            scalarKeys.append(scalars.filter { !CJK.isWhitespace(Unicode.Scalar($0)!) })
        }
        // Only a key longer than the minimum can cover another: only those need their pairs.
        let simpleKeys = scalarKeys.map { SimpleKey(simple: $0, pairs: $0.count > minimumLength) }
        var keep: [DraftBlock] = []
        for (i, block) in blocks.enumerated() {
            guard block.kind == .paragraph, scalarKeys[i].count >= minimumLength else { keep.append(block); continue }
            // An exact repeat of an earlier paragraph (compared directly: hashing every key cost more).
            if scalarKeys[..<i].contains(scalarKeys[i]) { continue }
            let covered = scalarKeys.indices.contains { j in
                scalarKeys[j].count > scalarKeys[i].count && simpleKeys[j].contains(simpleKeys[i])
            }
            if !covered { keep.append(block) }
        }
        return keep
    }

    static func dedupeByCharacter(_ blocks: [DraftBlock]) -> [DraftBlock] {
        let keys = blocks.map { $0.kind == .paragraph ? $0.text.filter { !$0.isWhitespace } : "" }
        // Counted once: String.count walks grapheme clusters.
        let counts = keys.map(\.count)
        let scalars = keys.map(SimpleKey.init)
        var first: [String: Int] = [:]
        for (j, key) in keys.enumerated() where !key.isEmpty && first[key] == nil { first[key] = j }
        var keep: [DraftBlock] = []
        for (i, block) in blocks.enumerated() {
            guard block.kind == .paragraph, counts[i] >= minimumLength else { keep.append(block); continue }
            if let j = first[keys[i]], j < i { continue }
            let covered = keys.indices.contains { j in
                guard counts[j] > counts[i] else { return false }
                if let a = scalars[j], let b = scalars[i] { return a.contains(b) }
                return keys[j].contains(keys[i])
            }
            if !covered { keep.append(block) }
        }
        return keep
    }
}

/// A key made only of scalars that are each a whole character with no canonical equivalent
/// (ASCII, Latin-1, general punctuation, CJK punctuation and ideographs, full-width forms):
/// for two such keys, scalar containment is exactly character containment, and far cheaper.
struct SimpleKey {
    let scalars: [UInt32]
    /// Pairs of adjacent scalars as bits of a small table (a pair may share its bit with
    /// others, never miss it), to rule out most containment checks without scanning or hashing.
    let pairs: [UInt64]

    init?(_ key: String) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(key.utf8.count / 3 + 1)
        for s in key.unicodeScalars {
            let v = s.value
            guard v <= 0xFF || (0x2010...0x206F).contains(v) || (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v)
                || (0x4E00...0x9FFF).contains(v) || (0xFF00...0xFF9D).contains(v) || (0xFFA0...0xFFEF).contains(v) else { return nil }
            scalars.append(v)
        }
        self.init(simple: scalars)
    }

    /// A key of simple scalars (see SimpleScalars), a wider set than the one above with the same
    /// property: each scalar is a whole character equal only to itself.
    /// Without `pairs` the key can only be looked for, not searched in.
    init(simple scalars: [UInt32], pairs withPairs: Bool = true) {
        self.scalars = scalars
        var pairs = [UInt64](repeating: 0, count: withPairs ? 64 : 0)
        if withPairs {
            for k in scalars.indices.dropLast() {
                let bit = Self.pair(scalars[k], scalars[k + 1])
                pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.pairs = pairs
    }

    /// The table bit (of 4096) of a pair of scalars.
    static func pair(_ a: UInt32, _ b: UInt32) -> Int {
        let h = ((a &* 0x9E37_79B1) ^ b) &* 0x85EB_CA6B
        return Int(h >> 20)
    }

    func hasPair(_ a: UInt32, _ b: UInt32) -> Bool {
        let bit = Self.pair(a, b)
        return !pairs.isEmpty && pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    func contains(_ other: SimpleKey) -> Bool {
        let n = other.scalars.count, m = scalars.count
        guard n <= m else { return false }
        guard n > 0 else { return true }
        if n >= 2 {
            let probes = [0, n / 2 - 1, n - 2]
            for p in probes where !hasPair(other.scalars[p], other.scalars[p + 1]) { return false }
        }
        let needle = other.scalars
        return scalars.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var i = 0
                while i <= m - n {
                    if hay[i] == pin[0] {
                        var k = 1
                        while k < n, hay[i + k] == pin[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
