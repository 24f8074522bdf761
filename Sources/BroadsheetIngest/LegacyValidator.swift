/// Byte-structure checks for legacy encodings, because Foundation's decoders accept almost any
/// bytes and produce garbage instead of failing.
enum LegacyValidator {
    /// Offset of the first byte that breaks GB18030's structure: one byte 00–7F; two bytes
    /// 81–FE + 40–7E/80–FE; four bytes 81–FE + 30–39 + 81–FE + 30–39. Nil when the bytes are well formed.
    static func firstInvalidGB18030(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b <= 0x7F { i += 1; continue }
            guard b >= 0x81, b <= 0xFE, i + 1 < bytes.count else { return i }
            let b2 = bytes[i + 1]
            if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) { i += 2; continue }
            if (0x30...0x39).contains(b2), i + 3 < bytes.count,
               (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                i += 4; continue
            }
            return i
        }
        return nil
    }

    /// Offset of the first byte that breaks Big5's structure: one byte 00–7F; two bytes
    /// 81–FE + 40–7E/A1–FE.
    static func firstInvalidBig5(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b <= 0x7F { i += 1; continue }
            guard b >= 0x81, b <= 0xFE, i + 1 < bytes.count else { return i }
            let b2 = bytes[i + 1]
            guard (0x40...0x7E).contains(b2) || (0xA1...0xFE).contains(b2) else { return i }
            i += 2
        }
        return nil
    }
}
