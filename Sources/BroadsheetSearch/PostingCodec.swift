/// Integers as text safe inside JSON strings: base-32 digits, most significant first; a digit
/// from the second half of the 64-character alphabet means "more digits follow".
/// Numbers below 32 take one character, below 1024 two. Specified in docs/search-index.md.
public enum PostingCodec {
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    @inline(__always)
    public static func append(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 32 { out.append(digit(value)); return }
        var digits: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let start = raw.bindMemory(to: UInt8.self).baseAddress!
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: write(value, to: start)))
        }
    }

    /// Writes the digits of `value` at `out` (room for 13) and returns how many.
    @inline(__always)
    static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(value >= 0)
        if value < 32 { out[0] = digit(value); return 1 }
        var shift = 5
        while value >> (shift + 5) > 0 { shift += 5 }
        var count = 0
        while shift > 0 {
            out[count] = digit(((value >> shift) & 31) + 32)
            count += 1
            shift -= 5
        }
        out[count] = digit(value & 31)
        return count + 1
    }

    /// `alphabet[value]`, computed: `0-9`, `A-Z`, `a-z`, `-`, `_`.
    @inline(__always)
    static func digit(_ value: Int) -> UInt8 {
        switch value {
        case 0..<10: return UInt8(48 + value)
        case 10..<36: return UInt8(55 + value)
        case 36..<62: return UInt8(61 + value)
        case 62: return 0x2D
        default: return 0x5F
        }
    }

    /// The number at `i` in `bytes` (`i` advanced past it); nil at the end or on a character
    /// outside the alphabet.
    @inline(__always)
    static func number(_ bytes: ArraySlice<UInt8>, _ i: inout Int) -> Int? {
        var value = 0
        while i < bytes.endIndex {
            let c = bytes[i]
            guard c < 128 else { return nil }
            let digit = Int(values[Int(c)])
            guard digit >= 0 else { return nil }
            i += 1
            value = value * 32 + (digit & 31)
            if digit < 32 { return value }
        }
        return nil
    }

    /// Decodes a whole string; nil if it holds a character outside the alphabet or ends mid-number.
    public static func decode(_ text: String) -> [Int]? {
        var result: [Int] = []
        var acc = 0
        var open = false
        for c in text.utf8 {
            guard c < 128 else { return nil }
            let v = Int(values[Int(c)])
            guard v >= 0 else { return nil }
            acc = acc * 32 + (v & 31)
            if v < 32 { result.append(acc); acc = 0; open = false } else { open = true }
        }
        return open ? nil : result
    }
}
