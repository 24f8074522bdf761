import BroadsheetModel
import Foundation

/// The posting shards `p/N` and the own files `p/N-M`, `p/N-M-pos` of large keys
/// (docs/search-index.md, "Posting shard"), made a batch of shards at a time on all cores.
struct SearchPostingFiles {
    let terms: SearchTerms
    let shards: Int
    let ownFileBytes: Int
    /// Groups of shards made side by side per batch handed to the caller.
    var batch = 4

    /// Shards are made in groups that share the low bits of their hash, so that each group reads
    /// its keys' spilled postings in one pass and only one group's postings are in memory at once.
    func emit(_ emit: ([SearchIndexFile]) throws -> Void) rethrows {
        let groups = min(shards, PostingSpill.buckets)
        // Terms grouped by shard: a counting sort of their indexes.
        var starts = [Int](repeating: 0, count: shards + 1)
        for hash in terms.hashes { starts[Int(hash) & (shards - 1) + 1] += 1 }
        for shard in 0..<shards { starts[shard + 1] += starts[shard] }
        var members = [Int32](repeating: 0, count: terms.count)
        var next = starts
        for (term, hash) in terms.hashes.enumerated() {
            let shard = Int(hash) & (shards - 1)
            members[next[shard]] = Int32(term)
            next[shard] += 1
        }
        for first in stride(from: 0, to: groups, by: batch) {
            let made = Parallel.map(min(batch, groups - first)) { i -> [SearchIndexFile] in
                let group = first + i
                let spilled = terms.spilledPostings(buckets: Array(stride(from: group, to: PostingSpill.buckets, by: groups)))
                return stride(from: group, to: shards, by: groups).flatMap { shard in
                    shardFiles(shard, members: members[starts[shard]..<starts[shard + 1]], spilled: spilled)
                }
            }
            try emit(made.flatMap { $0 })
        }
    }

    private func shardFiles(_ shard: Int, members: ArraySlice<Int32>, spilled: [Int: [UInt8]]) -> [SearchIndexFile] {
        let sorted = members.sorted { terms.texts[Int($0)].utf8.lexicographicallyPrecedes(terms.texts[Int($1)].utf8) }
        var files: [SearchIndexFile] = []
        var own: [(term: Int, id: String)] = []
        var json = SearchJSONBytes(capacity: 32 * 1024)
        let id = "p/\(shard)"
        json.raw("{\"files\":{")
        for member in sorted where terms.size(Int(member)) > ownFileBytes {
            let term = Int(member)
            let fileID = "\(id)-\(own.count)"
            if !own.isEmpty { json.raw(",") }
            json.string(terms.texts[term])
            json.raw(":")
            json.string(fileID)
            own.append((term, fileID))
        }
        json.raw("},\"id\":")
        json.string(id)
        json.raw(",\"terms\":{")
        var first = true
        for member in sorted where terms.size(Int(member)) <= ownFileBytes {
            let term = Int(member)
            if !first { json.raw(",") }
            first = false
            json.string(terms.texts[term])
            json.raw(":")
            json.bytes.append(0x22)
            terms.appendPostings(term, spilled: spilled, to: &json.bytes)
            json.bytes.append(0x22)
        }
        json.raw("}}")
        files.append(SearchIndexFile(id: id, json: Data(json.bytes)))
        for (term, fileID) in own {
            files += Self.ownFiles(text: terms.texts[term], positioned: terms.positioned[term], id: fileID,
                                   postings: terms.postings(term, spilled: spilled))
        }
        return files
    }

    /// A large key's entries, split from their positions so that a one-key query skips them.
    static func ownFiles(text: String, positioned: Bool, id: String, postings: [UInt8]) -> [SearchIndexFile] {
        guard positioned else {
            var json = SearchJSONBytes(capacity: postings.count + 64)
            json.raw("{\"id\":")
            json.string(id)
            json.raw(",\"postings\":")
            json.plain(postings)
            json.raw(",\"term\":")
            json.string(text)
            json.raw("}")
            return [SearchIndexFile(id: id, json: Data(json.bytes))]
        }
        // A number's digits do not depend on its neighbours: copy each number's characters to
        // the entries or the positions as they come.
        var entries: [UInt8] = [], positions: [UInt8] = []
        entries.reserveCapacity(postings.count / 2)
        positions.reserveCapacity(postings.count)
        var i = 0
        // The builder wrote these postings: they are well-formed.
        func number() -> (range: Range<Int>, value: Int) {
            let start = i
            let value = PostingCodec.number(postings[...], &i)!
            return (start..<i, value)
        }
        while i < postings.count {
            let delta = number(), code = number()
            entries += postings[delta.range]
            entries += postings[code.range]
            if code.value & 1 == 1 { entries += postings[number().range] }
            for _ in 0..<(code.value >> 1) { positions += postings[number().range] }
        }
        let positionsID = id + "-pos"
        var json = SearchJSONBytes(capacity: entries.count + 128)
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"positions\":")
        json.string(positionsID)
        json.raw(",\"postings\":")
        json.plain(entries)
        json.raw(",\"term\":")
        json.string(text)
        json.raw("}")
        var pos = SearchJSONBytes(capacity: positions.count + 128)
        pos.raw("{\"id\":")
        pos.string(positionsID)
        pos.raw(",\"positions\":")
        pos.plain(positions)
        pos.raw(",\"term\":")
        pos.string(text)
        pos.raw("}")
        return [SearchIndexFile(id: id, json: Data(json.bytes)), SearchIndexFile(id: positionsID, json: Data(pos.bytes))]
    }
}
