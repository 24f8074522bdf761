/// Collects the encoded postings of one part of the keys (those with `part(key) == part`) while
/// documents stream by in doc-id order, so that several accumulators can share the work and
/// memory stays near the size of the finished index. Keys are `SearchKeyCode` integers, found
/// through an open-addressing table. Entry layout: docs/search-index.md, "Postings".
struct PostingAccumulator {
    let part: Int
    let parts: Int
    private(set) var keys: [UInt64] = []
    private(set) var pool = PostingPool()
    private(set) var chains: [PostingPool.Chain] = []
    /// Per key: its shard hash, and how many of its bytes are in `spill`.
    private(set) var hashes: [UInt32] = []
    private(set) var spilled: [UInt32] = []
    /// Pending postings beyond this many bytes of pool go to `spill`.
    let memoryLimit: Int
    let spill: PostingSpill?
    private let hash: (UInt64) -> UInt32
    private var lastDoc: [Int32] = []
    private var slots = [Int32](repeating: -1, count: 1 << 16)
    private var shift: UInt64 = 64 - 16

    init(part: Int, parts: Int, memoryLimit: Int, hash: @escaping (UInt64) -> UInt32) {
        self.part = part
        self.parts = parts
        self.memoryLimit = memoryLimit
        self.hash = hash
        let spill = PostingSpill()
        self.spill = spill.isUsable ? spill : nil
    }

    var count: Int { keys.count }

    /// The part a key belongs to: its hash spread over `parts`.
    @inline(__always) static func part(of key: UInt64, parts: Int) -> Int {
        Int(truncatingIfNeeded: ((key &* 0xD6E8_FEB8_6659_FD93) >> 32) % UInt64(parts))
    }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func term(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = home(key)
        while true {
            let term = Int(slots[slot])
            if term < 0 { break }
            if keys[term] == key { return term }
            slot = (slot + 1) & mask
        }
        let term = keys.count
        slots[slot] = Int32(term)
        keys.append(key)
        chains.append(PostingPool.Chain())
        lastDoc.append(-1)
        hashes.append(hash(key))
        spilled.append(0)
        if keys.count * 2 > slots.count { grow() }
        return term
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (term, key) in keys.enumerated() {
            var slot = home(key)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(term)
        }
    }

    /// The key's postings held in memory (all of them when nothing was spilled).
    func postings(_ term: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(chains[term].count))
        pool.copy(chains[term], to: &out)
        return out
    }

    /// Moves the pending postings to the spill file when the pool has grown past the limit.
    mutating func spillIfFull() {
        guard let spill, pool.reservedBytes > memoryLimit else { return }
        // Pending keys grouped by bucket: a counting sort of their indexes.
        let mask = UInt32(PostingSpill.buckets - 1)
        var starts = [Int](repeating: 0, count: PostingSpill.buckets + 1)
        for term in 0..<count where chains[term].count > 0 { starts[Int(hashes[term] & mask) + 1] += 1 }
        for bucket in 0..<PostingSpill.buckets { starts[bucket + 1] += starts[bucket] }
        var pending = [Int32](repeating: 0, count: starts[PostingSpill.buckets])
        var next = starts
        for term in 0..<count where chains[term].count > 0 {
            let bucket = Int(hashes[term] & mask)
            pending[next[bucket]] = Int32(term)
            next[bucket] += 1
        }
        spill.write { bucket in
            var buffer: [UInt8] = []
            for term in pending[starts[bucket]..<starts[bucket + 1]].map(Int.init) {
                withUnsafeBytes(of: Int32(term)) { buffer += $0 }
                withUnsafeBytes(of: chains[term].count) { buffer += $0 }
                pool.copy(chains[term], to: &buffer)
            }
            return buffer
        }
        for term in pending.map(Int.init) {
            spilled[term] += chains[term].count
            chains[term] = PostingPool.Chain()
        }
        pool.reset()
    }

    /// Adds this part's keys of one document; documents must come in increasing doc id.
    mutating func add(doc: Int, _ document: SearchDocumentKeys, topicKeys: [UInt64]) {
        let first = part == 0 ? 0 : document.partEnds[part - 1]
        document.bytes.withUnsafeBufferPointer { bytes in
            for j in first..<document.partEnds[part] {
                let i = Int(document.order[j])
                let start = Int(document.tailStarts[i]), end = Int(document.tailStarts[i + 1])
                add(doc: doc, key: document.keys[i], tail: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }
        for topic in document.topics where parts == 1 || Self.part(of: topicKeys[topic], parts: parts) == part {
            add(doc: doc, key: topicKeys[topic], tail: UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    /// Appends `doc − previousDoc` and the rest of the entry to the key's postings.
    @inline(__always)
    private mutating func add(doc: Int, key: UInt64, tail: UnsafeBufferPointer<UInt8>) {
        let term = term(key)
        var digits: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let count = PostingCodec.write(doc - Int(lastDoc[term]), to: raw.bindMemory(to: UInt8.self).baseAddress!)
            pool.append(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress!, count: count), to: &chains[term])
        }
        lastDoc[term] = Int32(doc)
        pool.append(tail, to: &chains[term])
    }
}
