import BroadsheetText
import Foundation

/// `SearchNormalizer.normalize` as Unicode scalar values, without building strings. Nearly every
/// character of news text normalises on its own: NFKC and lower-casing act on it alone when it
/// and its result are starters that never compose with a neighbour. Those characters map through
/// a table derived from `SearchNormalizer` itself, one character at a time; a text holding any
/// other character (combining marks, Greek, rare blocks) takes the whole-string path.
struct SearchScalarNormalizer: Sendable {
    let normalizer: SearchNormalizer
    /// Per BMP scalar: 0 = not mappable alone; `s + 1` for the single output scalar s; or
    /// `expansionFlag | start << 8 | count` for several, in `expansions`.
    private let table: [UInt32]
    private let expansions: [UInt32]
    private static let expansionFlag: UInt32 = 0x8000_0000

    /// Blocks whose characters may map alone (each is still checked): Latin, Cyrillic, general
    /// punctuation, symbols, arrows and shapes, enclosed numbers, CJK symbols, kana, Han, Hangul syllables,
    /// compatibility ideographs and forms, full- and half-width forms.
    private static let candidates: [ClosedRange<UInt32>] = [
        0x0...0x24F, 0x400...0x4FF, 0x2000...0x206F, 0x2100...0x23FF, 0x2460...0x27BF, 0x3000...0x30FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
    ]

    /// Results that cannot compose with, or reorder around, a neighbour: starters of blocks that
    /// hold no combining marks, conjoining jamo, or Greek (whose lower-casing depends on context).
    private static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.canonicalCombiningClass.rawValue == 0 else { return false }
        switch scalar.value {
        case 0x0...0x24F, 0x400...0x4FF, 0x2000...0x206F, 0x2100...0x23FF, 0x2460...0x27BF, 0x3000...0x30FF, 0x3130...0x318F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    init(normalizer: SearchNormalizer) {
        self.normalizer = normalizer
        var table = [UInt32](repeating: 0, count: 0x10000)
        var expansions: [UInt32] = []
        for range in Self.candidates {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass.rawValue == 0 else { continue }
                let mapped = String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
                guard mapped.allSatisfy(Self.isInert) else { continue }
                let folded = mapped.map { normalizer.folding.fold($0).value }
                if folded.count == 1 {
                    table[Int(value)] = folded[0] + 1
                } else {
                    table[Int(value)] = Self.expansionFlag | UInt32(expansions.count) << 8 | UInt32(folded.count)
                    expansions += folded
                }
            }
        }
        self.table = table
        self.expansions = expansions
    }

    private nonisolated(unsafe) static var last: SearchScalarNormalizer?
    private static let lock = NSLock()

    /// The normaliser for `normalizer`, its table made once per folding map.
    static func shared(for normalizer: SearchNormalizer) -> SearchScalarNormalizer {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.normalizer.folding.map == normalizer.folding.map { return last }
        let made = SearchScalarNormalizer(normalizer: normalizer)
        last = made
        return made
    }

    /// Appends the normalised scalars of `text` to `out`.
    func normalize(_ text: String, into out: inout [UInt32]) {
        let start = out.count
        var text = text
        let fast = text.withUTF8 { bytes in mapAlone(bytes, into: &out) }
        if !fast {
            out.removeSubrange(start...)
            for scalar in normalizer.normalize(text).unicodeScalars { out.append(scalar.value) }
        }
    }

    /// Decodes UTF-8 and maps each scalar through the table; false at the first one that cannot
    /// be mapped alone.
    private func mapAlone(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) -> Bool {
        table.withUnsafeBufferPointer { table in
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                var value: UInt32
                if b0 < 0x80 {
                    value = b0; i += 1
                } else if b0 < 0xE0 {
                    guard i + 1 < n else { return false }
                    value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F; i += 2
                } else if b0 < 0xF0 {
                    guard i + 2 < n else { return false }
                    value = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F; i += 3
                } else {
                    return false
                }
                let entry = table[Int(value)]
                if entry == 0 { return false }
                if entry & Self.expansionFlag == 0 {
                    out.append(entry - 1)
                } else {
                    let start = Int((entry & ~Self.expansionFlag) >> 8), count = Int(entry & 0xFF)
                    out.append(contentsOf: expansions[start..<start + count])
                }
            }
            return true
        }
    }
}
