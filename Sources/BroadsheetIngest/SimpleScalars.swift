/// Scalars that are each a whole `Character` equal to no other scalar: in text made only of them,
/// a Character is one scalar, Character equality (canonical equivalence) is scalar equality, and
/// Character properties (`isWhitespace`, `isNumber`, `isLetter`, which read the first scalar) are
/// the scalar's. Rules written for Characters then give the same answers when run on the
/// scalars, without grapheme breaking or normalisation, which dominated ingest's cost. Text
/// holding any other scalar takes the Character path.
///
/// Excluded on purpose: CR (CR LF is one Character), combining marks and other grapheme
/// extenders (U+0300…, U+200C/D, U+302A–302F, U+3099/A, U+FF9E/F, variation selectors), Hangul
/// jamo, scalars with a singleton canonical decomposition (U+2000/1, U+2126, U+212A/B,
/// U+2329/A, the CJK compatibility ideographs U+F900–FAFF and U+2F800–2FA1F), and everything
/// not listed.
enum SimpleScalars {
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        switch v {
        case 0x0D: return false
        case 0x0000...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x2150...0x2328, 0x232B...0x23FF, 0x2460...0x27BF,
             0x2E80...0x2FDF, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F,
             0x3190...0x31FF, 0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xE000...0xF8FF, 0xFE30...0xFE4F, 0xFEFF,
             0xFF01...0xFF9D, 0xFFA0...0xFFEF, 0x20000...0x2F7FF, 0x30000...0x3134F:
            return true
        default: return false
        }
    }

    /// The scalar values of `text`, or nil when one of them is not simple.
    static func of<S: StringProtocol>(_ text: S) -> [UInt32]? {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard isSimple(v) else { return nil }
            out.append(v)
        }
        return out
    }

    /// True when every scalar of `text` is simple.
    static func all<S: StringProtocol>(_ text: S) -> Bool {
        // ASCII bytes other than CR are simple: most text is skipped a byte at a time.
        var ascii = true
        for b in text.utf8 where b >= 0x80 || b == 0x0D { ascii = false; break }
        if ascii { return true }
        return text.unicodeScalars.allSatisfy { isSimple($0.value) }
    }

    /// The String of simple scalar values.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for v in scalars {
            switch v {
            case 0..<0x80: bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The spaces `trimmingSpaces` removes: ASCII space, tab, ideographic space, no-break space, BOM.
    @inline(__always)
    static func isTrimmedSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0xFEFF
    }
}

extension String {
    /// `hasPrefix(prefix)` for a prefix that no other scalars spell canonically (ASCII, U+3000):
    /// compares bytes, then checks that the next scalar cannot join the prefix's last character.
    func hasPlainPrefix(_ prefix: String) -> Bool {
        guard utf8.starts(with: prefix.utf8) else { return false }
        let next = utf8.index(startIndex, offsetBy: prefix.utf8.count)
        guard next < endIndex else { return true }
        return SimpleScalars.isSimple(unicodeScalars[next].value) || hasPrefix(prefix)
    }

    /// `count` (Characters), counted as scalars when they are all simple.
    var characterCount: Int {
        SimpleScalars.all(self) ? unicodeScalars.count : count
    }
}
