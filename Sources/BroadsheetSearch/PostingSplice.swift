/// A key's postings (docs/search-index.md, "Postings") with the entries of some documents
/// replaced, without reading any other document: every other entry is copied as it is, and only
/// the doc delta after a replaced entry is written again. This is how `SearchIndexPatch` gets a
/// changed key's postings from the previous index instead of from every document's record.
enum PostingSplice {
    /// What an entry holds after its doc delta.
    enum Kind {
        /// A topic marker: nothing.
        case topic
        /// A unigram: `tf × 2 + h` and, when h = 1, `head`.
        case unpositioned
        /// Any other key: also `tf` position deltas.
        case positioned

        init(key: UInt64) {
            self = SearchKeyCode.isTopic(key) ? .topic : SearchKeyCode.isUnigram(key) ? .unpositioned : .positioned
        }
    }

    /// `old` without the entries of the docs in `replaced`, and with `added` (doc ids in
    /// `replaced`, increasing, each with its entry after the doc delta) in doc order; nil when
    /// `old` is not well-formed postings of this kind.
    static func splice(_ old: ArraySlice<UInt8>, kind: Kind, replaced: Set<Int>, added: [(doc: Int, tail: ArraySlice<UInt8>)]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(old.count + added.reduce(0) { $0 + $1.tail.count + 2 })
        var lastDoc = -1, doc = -1, next = 0
        func emit(_ entryDoc: Int, _ tail: ArraySlice<UInt8>) {
            PostingCodec.append(entryDoc - lastDoc, to: &out)
            out += tail
            lastDoc = entryDoc
        }
        var i = old.startIndex
        while i < old.endIndex {
            guard let delta = PostingCodec.number(old, &i), delta > 0 else { return nil }
            doc += delta
            let start = i
            if kind != .topic {
                guard let code = PostingCodec.number(old, &i) else { return nil }
                if code & 1 == 1 { guard PostingCodec.number(old, &i) != nil else { return nil } }
                if kind == .positioned {
                    for _ in 0..<(code >> 1) { guard PostingCodec.number(old, &i) != nil else { return nil } }
                }
            }
            while next < added.count && added[next].doc < doc {
                emit(added[next].doc, added[next].tail)
                next += 1
            }
            if !replaced.contains(doc) { emit(doc, old[start..<i]) }
        }
        while next < added.count {
            emit(added[next].doc, added[next].tail)
            next += 1
        }
        return out
    }

    /// The postings of a positioned key kept in a file of its own, from that file's entries
    /// (doc delta, `tf × 2 + h`, `head`) and its positions file (`SearchPostingFiles.ownFiles`).
    static func joined(entries: ArraySlice<UInt8>, positions: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count + positions.count)
        var i = entries.startIndex, p = positions.startIndex
        while i < entries.endIndex {
            let start = i
            guard PostingCodec.number(entries, &i) != nil, let code = PostingCodec.number(entries, &i) else { return nil }
            if code & 1 == 1 { guard PostingCodec.number(entries, &i) != nil else { return nil } }
            out += entries[start..<i]
            let first = p
            for _ in 0..<(code >> 1) { guard PostingCodec.number(positions, &p) != nil else { return nil } }
            out += positions[first..<p]
        }
        return p == positions.endIndex ? out : nil
    }

}
