import Foundation

/// A fast 128-bit content hash for cache keys (not for security): two independent lanes over
/// 8-byte words, each step a bijection of the lane state, so two same-length inputs that differ
/// in one word never collide. Printed as 32 hex digits.
public struct ContentHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x9e37_79b9_7f4a_7c15
    private var length: UInt64 = 0

    public init() {}

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ text: String) {
        var copy = text
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        update(byte: 0xff)  // separator, so ("ab","c") and ("a","bc") differ
    }

    public mutating func update(byte: UInt8) {
        mix(UInt64(byte) | 0x100)
        length &+= 1
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let words = bytes.count / 8
        for i in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        var tail: UInt64 = 0
        for i in (words * 8)..<bytes.count { tail = (tail << 8) | UInt64(bytes[i]) }
        if bytes.count % 8 != 0 { mix(tail ^ (UInt64(bytes.count % 8) << 61)) }
        length &+= UInt64(bytes.count)
    }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x0000_0100_0000_01b3
        b = ((b ^ word) &* 0xff51_afd7_ed55_8ccd)
        b = (b << 31) | (b >> 33)
    }

    public var hex: String {
        var x = a ^ (length &* 0x9e37_79b9_7f4a_7c15), y = b ^ length
        // Final avalanche so that nearby states print far apart.
        for _ in 0..<2 {
            x ^= x >> 33; x &*= 0xff51_afd7_ed55_8ccd; x ^= y
            y ^= y >> 29; y &*= 0xc4ce_b9fe_1a85_ec53; y ^= x
        }
        // By hand: String(format:) cost more than the hashing for small inputs.
        return String(unsafeUninitializedCapacity: 32) { out in
            let digits: StaticString = "0123456789abcdef"
            for (i, word) in [x, y].enumerated() {
                for k in 0..<16 {
                    out[i * 16 + k] = digits.utf8Start[Int((word >> UInt64(60 - 4 * k)) & 15)]
                }
            }
            return 32
        }
    }

    public static func of(_ data: Data) -> String {
        var hash = ContentHash()
        hash.update(data)
        return hash.hex
    }
}
