import Foundation

/// The bigrams `RelatedArticles.bigrams(of:)` finds in a text, as integers where possible.
///
/// A bigram of two scalars that are each a whole Character, and that Unicode normalization leaves
/// alone, is the pair of scalar values packed into one integer (first << 21 | second). Two such
/// keys are equal exactly when the bigram strings are, and order like them: Swift compares strings
/// by the scalar values of their canonical (NFC) form, which for these pairs is the pair itself.
/// A text with any other scalar takes the Character path and keeps, as strings, the few bigrams
/// that cannot be packed; the set of bigrams is the same either way.
enum BigramKeys {
    /// Per BMP scalar: 0 when it needs the Character path (it may join its neighbours into one
    /// Character or change under normalization), 1 a Character of its own that is not a letter
    /// or digit, 2 one that is. Only ranges known to be safe are marked; the rest take the slow path.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        let safe: [ClosedRange<UInt32>] = [
            0x0000...0x007F,  // ASCII (CR LF is one Character, but neither half is a word)
            0x00A0...0x00FF,  // Latin-1 letters and signs: precomposed, NFC as they are
            0x2010...0x2027, 0x2030...0x205E,  // punctuation (no joiners, no spaces with decompositions)
            0x2150...0x218B,  // number forms (Roman numerals)
            0x2460...0x24FF,  // enclosed alphanumerics (①, ⑴, Ⓐ)
            0x3000...0x3029,  // CJK punctuation before the combining tone marks
            0x3041...0x3096, 0x309B...0x30FF,  // kana without the combining voicing marks
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs (not the compatibility ones)
            0xFF01...0xFF5E,  // full-width ASCII
        ]
        for range in safe {
            for value in range {
                let ch = Character(Unicode.Scalar(value)!)
                table[Int(value)] = ch.isLetter || ch.isNumber ? 2 : 1
            }
        }
        return table
    }()

    static func pack(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 21 | UInt64(second) }

    /// The bigram string of a packed key.
    static func string(of key: UInt64) -> String {
        var text = String.UnicodeScalarView()
        text.append(Unicode.Scalar(UInt32(key >> 21))!)
        text.append(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
        return String(text)
    }

    /// Appends the packed keys of the text's bigrams (with repeats, in text order); false, with
    /// nothing appended, when a scalar needs the Character path.
    static func appendPacked(_ text: String, to keys: inout [UInt64]) -> Bool {
        let start = keys.count
        var previous: UInt32 = 0
        var hasPrevious = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let kind = value < 0x10000 ? classes[Int(value)] : 0
            if kind == 0 {
                keys.removeSubrange(start...)
                return false
            }
            if kind == 2 {
                if hasPrevious { keys.append(pack(previous, value)) }
                previous = value
                hasPrevious = true
            } else {
                hasPrevious = false
            }
        }
        return true
    }

    /// The bigrams by Characters, exactly as `RelatedArticles.bigrams(of:)` defines them: packed
    /// keys appended to `keys`, the others returned as strings.
    static func appendByCharacter(_ text: String, to keys: inout [UInt64]) -> [String] {
        var others: [String] = []
        var previous: Character?
        for ch in text {
            let isWord = ch.isLetter || ch.isNumber
            if isWord, let p = previous {
                let bigram = String([p, ch])
                if let key = packedKey(of: bigram) { keys.append(key) } else { others.append(bigram) }
            }
            previous = isWord ? ch : nil
        }
        return others
    }

    /// The packed key of a bigram string equal (canonically) to a packable pair, else nil.
    static func packedKey(of bigram: String) -> UInt64? {
        if let key = safePair(bigram) { return key }
        // Canonically equal to a packable pair, e.g. a CJK compatibility ideograph.
        let composed = bigram.precomposedStringWithCanonicalMapping
        guard let key = safePair(composed), composed == bigram else { return nil }
        return key
    }

    private static func safePair(_ text: String) -> UInt64? {
        var iterator = text.unicodeScalars.makeIterator()
        guard let a = iterator.next(), let b = iterator.next(), iterator.next() == nil,
              a.value < 0x10000, b.value < 0x10000, classes[Int(a.value)] != 0, classes[Int(b.value)] != 0 else { return nil }
        return pack(a.value, b.value)
    }
}
