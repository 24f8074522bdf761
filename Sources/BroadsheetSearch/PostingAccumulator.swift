/// Collects every key's postings in their encoded form while documents stream by, so memory
/// stays near the size of the finished index. Entry layout: docs/search-index.md, "Postings".
struct PostingAccumulator {
    private var ids: [String: Int] = [:]
    private var keys: [String] = []
    private var bytes: [[UInt8]] = []
    private var lastDoc: [Int] = []
    private var unpositioned: [Bool] = []

    private mutating func termID(_ key: String) -> Int {
        if let id = ids[key] { return id }
        let id = keys.count
        ids[key] = id
        keys.append(key)
        bytes.append([])
        lastDoc.append(-1)
        unpositioned.append(SearchKey.isUnigram(key))
        return id
    }

    /// Adds one document's keys (any order). `headEnd`: first position after the head fields.
    mutating func add(doc: Int, keys docKeys: [SearchKey], headEnd: Int) {
        var pairs: [UInt64] = []
        pairs.reserveCapacity(docKeys.count)
        for key in docKeys { pairs.append(UInt64(termID(key.key)) << 32 | UInt64(key.offset)) }
        pairs.sort()
        var i = 0
        while i < pairs.count {
            let term = Int(pairs[i] >> 32)
            var end = i
            while end < pairs.count, Int(pairs[end] >> 32) == term { end += 1 }
            let positions = pairs[i..<end].map { Int($0 & 0xFFFF_FFFF) }
            let head = positions.reduce(0) { $0 + ($1 < headEnd ? 1 : 0) }
            PostingCodec.append(doc - lastDoc[term], to: &bytes[term])
            PostingCodec.append(positions.count * 2 + (head > 0 ? 1 : 0), to: &bytes[term])
            if head > 0 { PostingCodec.append(head, to: &bytes[term]) }
            if !unpositioned[term] {
                var previous = -1
                for position in positions {
                    PostingCodec.append(position - previous, to: &bytes[term])
                    previous = position
                }
            }
            lastDoc[term] = doc
            i = end
        }
    }

    /// Adds a document to a marker key (a topic), which stores doc ids only.
    mutating func addMarker(doc: Int, key: String) {
        let term = termID(key)
        guard lastDoc[term] != doc else { return }
        PostingCodec.append(doc - lastDoc[term], to: &bytes[term])
        lastDoc[term] = doc
    }

    /// Every key with its encoded postings, sorted by key for byte-identical output.
    func finish() -> [(key: String, postings: [UInt8])] {
        keys.indices.sorted { keys[$0] < keys[$1] }.map { (keys[$0], bytes[$0]) }
    }
}
