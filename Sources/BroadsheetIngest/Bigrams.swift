import BroadsheetText

/// Character-bigram overlap: how much of a headline's wording a body contains.
struct Bigrams {
    /// The bigrams as pairs of scalar values, when the text is all simple scalars (each its own
    /// Character, see SimpleScalars): two integers hash far cheaper than a String.
    private let pairs: IntegerSet?
    private let strings: Set<String>?

    init(_ text: String) {
        guard let scalars = SimpleScalars.of(text) else {
            pairs = nil
            strings = Self.characterBigrams(text)
            return
        }
        var set = IntegerSet(capacity: scalars.count)
        var previous: UInt32?
        for v in scalars {
            guard BigramScalars.counts(v) else { continue }
            if let previous { set.insert(UInt64(previous) << 32 | UInt64(v)) }
            previous = v
        }
        pairs = set
        strings = nil
    }

    static func characterBigrams(_ text: String) -> Set<String> {
        let chars = text.filter { CharacterRules.isIdeograph($0) || $0.isLetter || $0.isNumber }
        var set = Set<String>()
        var previous: Character?
        for c in chars {
            if let p = previous { set.insert(String([p, c])) }
            previous = c
        }
        return set
    }

    /// The bigrams as two-character strings.
    var set: Set<String> {
        if let strings { return strings }
        var out = Set<String>()
        pairs!.forEach { out.insert(SimpleScalars.string([UInt32($0 >> 32), UInt32($0 & 0xFFFF_FFFF)])) }
        return out
    }

    /// Share of `self`'s bigrams found in `other` (0…1).
    func containment(in other: Bigrams) -> Double {
        if let mine = pairs, let theirs = other.pairs {
            guard mine.count > 0 else { return 0 }
            let (small, large) = mine.count <= theirs.count ? (mine, theirs) : (theirs, mine)
            var shared = 0
            small.forEach { if large.contains($0) { shared += 1 } }
            return Double(shared) / Double(mine.count)
        }
        let mine = set
        guard !mine.isEmpty else { return 0 }
        return Double(mine.intersection(other.set).count) / Double(mine.count)
    }
}

/// The scalars a bigram is made of (ideographs, letters, numbers), as a bit table over the BMP
/// built once: reading the Unicode properties of every scalar of every body was a hot spot.
enum BigramScalars {
    static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(v)), slowCounts(scalar) else { continue }
            bits[v >> 6] |= 1 << UInt64(v & 63)
        }
        return bits
    }()

    static func slowCounts(_ scalar: Unicode.Scalar) -> Bool {
        CJK.isIdeograph(scalar) || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always)
    static func counts(_ v: UInt32) -> Bool {
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return slowCounts(Unicode.Scalar(v)!)
    }
}
