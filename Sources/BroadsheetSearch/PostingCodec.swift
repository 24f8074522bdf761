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

    public static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        if value < 32 { out.append(alphabet[value]); return }
        var digits: [Int] = []
        var v = value
        while v > 0 { digits.append(v & 31); v >>= 5 }
        for (i, d) in digits.reversed().enumerated() {
            out.append(alphabet[i == digits.count - 1 ? d : d + 32])
        }
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
