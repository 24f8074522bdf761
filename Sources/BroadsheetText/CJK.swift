/// Character classes used across stages.
public enum CJK {
    /// Han ideographs (basic, extension A, compatibility) and the iteration mark 〇.
    public static func isIdeograph(_ scalar: UnicodeScalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return true
        default: return false
        }
    }

    /// CJK and full-width punctuation: 。，、；：？！“”‘’（）《》【】…— and friends.
    public static func isCJKPunctuation(_ scalar: UnicodeScalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2027:
            return true
        default: return false
        }
    }

    /// `scalar.properties.isWhitespace`, answered without the property lookup for ASCII,
    /// ideographs, CJK and general punctuation and full-width forms (most scalars of Chinese text).
    @inline(__always)
    public static func isWhitespace(_ scalar: UnicodeScalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x3000: return true
        case 0x00...0x7F, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Ideograph or CJK punctuation: a character next to which layout spaces are meaningless.
    public static func isWide(_ scalar: UnicodeScalar) -> Bool {
        isIdeograph(scalar) || isCJKPunctuation(scalar)
    }
}
