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
            let count = pattern.count
            let found: Bool? = utf8.withContiguousStorageIfAvailable { hay in
                ByteScan.find(pattern, first: first, count: count, in: hay)
            }
            if let found { return found }
            return ByteScan.find(pattern, first: first, count: count, in: Array(utf8))
        }
    }

    /// True when any of the needles' UTF-8 bytes occur in the text.
    func containsAnyBytes(_ needles: [String]) -> Bool {
        let found: Bool? = utf8.withContiguousStorageIfAvailable { hay in
            // The compatibility check is the same for every needle: once, then plain searches.
            if ByteScan.hasCompatibilityIdeograph(hay) { return true }
            return needles.contains { needle in
                var n = needle
                return n.withUTF8 { pattern in
                    guard let first = pattern.first else { return true }
                    return ByteScan.plainFind(pattern, first: first, count: pattern.count, in: hay)
                }
            }
        }
        return found ?? needles.contains { containsBytes($0) }
    }
}

enum ByteScan {
    static func find<C: RandomAccessCollection>(_ pattern: UnsafeBufferPointer<UInt8>, first: UInt8, count: Int, in hay: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        plainFind(pattern, first: first, count: count, in: hay) || hasCompatibilityIdeograph(hay)
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
/// same for every needle, is done once.
struct ByteProbe {
    private let bytes: [UInt8]
    private let compatibility: Bool

    init<S: StringProtocol>(_ text: S) {
        bytes = Array(text.utf8)
        compatibility = ByteScan.hasCompatibilityIdeograph(bytes)
    }

    func contains(_ needle: String) -> Bool {
        if compatibility { return true }
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
