/// A set of 64-bit integers in one open-addressing table with a multiplicative hash, for hot
/// loops where Swift's `Set` spent its time in seeded SipHash: the bigrams of every body
/// (ingest) and every key of every document walked by a search-index patch. Grows by doubling;
/// never shrinks. The value 0 marks an empty slot, so it is kept aside.
public struct IntegerSet: Sendable {
    @usableFromInline var slots: [UInt64]
    @usableFromInline var shift: UInt64
    @usableFromInline var hasZero = false
    @usableFromInline var stored = 0
    public var count: Int { stored }

    /// A table sized for `capacity` values at most half full.
    public init(capacity: Int) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << Int(bits))
        shift = 64 - bits
    }

    @inlinable @inline(__always)
    func start(_ value: UInt64) -> Int { Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inlinable
    public mutating func insert(_ value: UInt64) {
        if value == 0 {
            if !hasZero { hasZero = true; stored += 1 }
            return
        }
        if 2 * (stored + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var i = start(value)
        while slots[i] != 0 {
            if slots[i] == value { return }
            i = (i + 1) & mask
        }
        slots[i] = value
        stored += 1
    }

    @inlinable @inline(__always)
    public func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        let mask = slots.count - 1
        var i = start(value)
        while true {
            let found = slots[i]
            if found == value { return true }
            if found == 0 { return false }
            i = (i + 1) & mask
        }
    }

    public func forEach(_ body: (UInt64) -> Void) {
        if hasZero { body(0) }
        for value in slots where value != 0 { body(value) }
    }

    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: 2 * old.count)
        shift -= 1
        let mask = slots.count - 1
        for value in old where value != 0 {
            var i = start(value)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = value
        }
    }
}
