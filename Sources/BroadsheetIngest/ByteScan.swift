import Foundation

/// Cheap UTF-8 byte scans used as prefilters before Swift Regex, which is slow (it walks
/// grapheme clusters). A regex that needs a literal can only match text whose bytes contain it,
/// so skipping the regex when the bytes are absent never changes a result. Regex compares
/// characters by canonical equivalence, and CJK compatibility ideographs (U+F900–U+FAFF,
/// U+2F800–U+2FA1F) are equivalent to other ideographs: text holding one always "contains".
extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text.
    func containsBytes(_ needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            let found: Bool? = utf8.withContiguousStorageIfAvailable { hay in
                ByteScan.scan(hay, isFirst: { $0 == first }, matchesAt: { ByteScan.matches(pattern, at: $0, in: hay) })
            }
            if let found { return found }
            return Array(utf8).withUnsafeBufferPointer { hay in
                ByteScan.scan(hay, isFirst: { $0 == first }, matchesAt: { ByteScan.matches(pattern, at: $0, in: hay) })
            }
        }
    }

    /// True when any of the needles' UTF-8 bytes occur in the text.
    func containsAnyBytes(_ needles: ByteNeedles) -> Bool {
        if needles.hasEmpty { return true }
        let found: Bool? = utf8.withContiguousStorageIfAvailable { hay in needles.occur(in: hay) }
        if let found { return found }
        return Array(utf8).withUnsafeBufferPointer { needles.occur(in: $0) }
    }
}

/// Needles for `containsAnyBytes`, their bytes taken once, with a table of their first two
/// bytes: CJK needles share lead bytes with most of the text, byte pairs far less.
struct ByteNeedles {
    private let patterns: [[UInt8]]
    /// Bit `b0 << 8 | b1` set for each needle of two bytes or more.
    private let starts: [UInt64]
    /// First bytes of one-byte needles.
    private let singles: [Bool]
    let hasEmpty: Bool

    init(_ needles: [String]) {
        patterns = needles.map { Array($0.utf8) }
        var starts = [UInt64](repeating: 0, count: 1024), singles = [Bool](repeating: false, count: 256)
        for p in patterns where !p.isEmpty {
            if p.count == 1 { singles[Int(p[0])] = true; continue }
            let key = Int(p[0]) << 8 | Int(p[1])
            starts[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.starts = starts
        self.singles = singles
        hasEmpty = patterns.contains { $0.isEmpty }
    }

    /// One pass over the text for all needles and the compatibility check.
    func occur(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            ByteScan.scan(hay, isFirst: { _ in true }, matchesAt: { i in
                if singles[Int(hay[i])] { return true }
                guard i + 1 < hay.count else { return false }
                let key = Int(hay[i]) << 8 | Int(hay[i + 1])
                guard starts[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return false }
                return patterns.contains { p in p.withUnsafeBufferPointer { ByteScan.matches($0, at: i, in: hay) } }
            })
        }
    }
}

enum ByteScan {
    /// The scalar value and byte length of the valid UTF-8 at `i`.
    @inline(__always)
    static func scalar(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
        let lead = UInt32(b[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// One pass over `hay`: true at the lead bytes of a compatibility ideograph (see
    /// `hasCompatibilityIdeograph`) or where `matchesAt` finds a needle starting at a byte that
    /// `isFirst` accepts. The same answer as a plain find for each needle, then the check.
    @inline(__always)
    static func scan(_ hay: UnsafeBufferPointer<UInt8>, isFirst: (UInt8) -> Bool, matchesAt: (Int) -> Bool) -> Bool {
        let n = hay.count
        var i = 0
        while i < n {
            let b = hay[i]
            if b >= 0xEF, i + 1 < n {
                let next = hay[i + 1]
                if (b == 0xEF && next >= 0xA4 && next <= 0xAB) || (b == 0xF0 && next == 0xAF) { return true }
            }
            if isFirst(b), matchesAt(i) { return true }
            i += 1
        }
        return false
    }

    /// True when `pattern` (not empty) occurs in `hay` at `i`.
    @inline(__always)
    static func matches(_ pattern: UnsafeBufferPointer<UInt8>, at i: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        guard i + count <= hay.count else { return false }
        var k = 1
        while k < count, hay[i + k] == pattern[k] { k += 1 }
        return k == count
    }

    /// The pattern's bytes in `hay`, compatibility ideographs aside.
    static func plainFind<C: RandomAccessCollection>(_ pattern: UnsafeBufferPointer<UInt8>, first: UInt8, count: Int, in hay: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard hay.count >= count else { return false }
        var i = hay.startIndex
        let last = hay.endIndex - count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < count, hay[i + k] == pattern[k] { k += 1 }
                if k == count { return true }
            }
            i += 1
        }
        return false
    }

    /// UTF-8 lead bytes of U+F900–U+FAFF (EF A4…AB) and U+2F800–U+2FA1F (F0 AF).
    static func hasCompatibilityIdeograph<C: RandomAccessCollection>(_ hay: C) -> Bool where C.Element == UInt8, C.Index == Int {
        var i = hay.startIndex
        while i < hay.endIndex - 1 {
            let b = hay[i], next = hay[i + 1]
            if (b == 0xEF && (0xA4...0xAB).contains(next)) || (b == 0xF0 && next == 0xAF) { return true }
            i += 1
        }
        return false
    }
}

/// `containsBytes` for many needles against one text: the compatibility-ideograph scan, the
/// same for every needle, is done once. A bitset of the text's scalars (by their low 10 bits)
/// rejects most needles without a byte search: a needle whose bytes occur holds only scalars
/// of the text.
struct ByteProbe {
    private let bytes: [UInt8]
    private let compatibility: Bool
    private var seen: [UInt64]

    init<S: StringProtocol>(_ text: S) {
        bytes = Array(text.utf8)
        var seen = [UInt64](repeating: 0, count: 16)
        // The scalars decoded from the (valid) UTF-8 and the compatibility check in one pass.
        var compatibility = false
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let (v, length) = ByteScan.scalar(at: i, in: b)
                if (0xF900...0xFAFF).contains(v) || (0x2F000...0x2FFFF).contains(v) { compatibility = true }   // the lead bytes ByteScan tests
                Self.mark(&seen, v)
                i += length
            }
        }
        self.compatibility = compatibility
        self.seen = seen
    }

    @inline(__always)
    private static func mark(_ set: inout [UInt64], _ v: UInt32) {
        set[Int(v >> 6 & 15)] |= 1 << UInt64(v & 63)
    }

    @inline(__always)
    private func mayHold(_ v: UInt32) -> Bool {
        seen[Int(v >> 6 & 15)] & (1 << UInt64(v & 63)) != 0
    }

    func contains(_ needle: String) -> Bool {
        if compatibility { return true }
        for scalar in needle.unicodeScalars where !mayHold(scalar.value) { return false }
        var n = needle
        return n.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            return ByteScan.plainFind(pattern, first: first, count: pattern.count, in: bytes)
        }
    }

    func containsAny(_ needles: [String]) -> Bool {
        needles.contains { contains($0) }
    }
}

/// Scalars with no canonical decomposition that never join a neighbour into one Character
/// (ASCII but CR, general punctuation, CJK punctuation, ideographs, fullwidth ASCII). Between
/// strings made only of them, Foundation's canonical-equivalence search finds exactly the byte
/// matches.
enum PlainScalars {
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x0D: return false
        case 0x00...0x7F, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default: return false
        }
    }

    static func all(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isPlain($0.value) }
    }
}

extension String {
    /// `range(of: needle) != nil` (Foundation, canonical equivalence), as a byte search when both
    /// strings are plain (see PlainScalars).
    func canonicalContains(_ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }   // Foundation finds no empty string
        guard PlainScalars.all(self), PlainScalars.all(needle) else { return range(of: needle) != nil }
        var n = needle, hay = self
        return n.withUTF8 { pattern in
            hay.withUTF8 { bytes in ByteScan.plainFind(pattern, first: pattern[0], count: pattern.count, in: bytes) }
        }
    }
}
