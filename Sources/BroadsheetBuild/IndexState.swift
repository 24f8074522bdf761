import BroadsheetModel
import BroadsheetSearch
import Foundation

/// What the next build needs to patch this build's search index instead of making it whole
/// (`SearchIndexPatch`): per doc id, its record's key (`IndexRecordCache.key`) and its topics;
/// the shard count and the weight it was chosen from; and a fingerprint of everything else the
/// index depends on (tool, configuration, the builder's parameters). A text file in the cache:
///
///     broadsheet-index-state 1 <fingerprint> <docCount> <shards> <smallBytes>
///     <record key>\t<topic>\t<topic>…        (one line per doc, in doc order)
struct IndexState: Equatable {
    static let path = BuildCache.folder + "/index-state.tsv"
    static let magic = "broadsheet-index-state 1"

    var fingerprint: String
    var shards: Int
    var smallBytes: Int
    var keys: [String]
    var topics: [[String]]

    static func fingerprint(keys: BuildKeys?, builder: SearchIndexBuilder) -> String {
        var hash = ContentHash()
        for part in [keys?.tool ?? "-", keys?.config ?? "-", builder.recordSalt,
                     "\(builder.targetShardBytes) \(builder.ownFileBytes) \(builder.docsPerChunk)"] { hash.update(part) }
        return hash.hex
    }

    func file() -> OutputFile {
        // A topic this format cannot hold makes a state no build matches.
        let holdable = topics.allSatisfy { $0.allSatisfy { !$0.isEmpty && !$0.contains("\t") && !$0.contains("\n") } }
        var text = "\(Self.magic) \(holdable ? fingerprint : "-") \(keys.count) \(shards) \(smallBytes)\n"
        for (key, topics) in zip(keys, topics) { text += ([key] + topics).joined(separator: "\t") + "\n" }
        return OutputFile(path: Self.path, text: text)
    }

    /// The state in `site`'s cache; nil when there is none or it is not whole.
    static func read(site: URL) -> IndexState? {
        guard let data = try? Data(contentsOf: site.appendingPathComponent(path)) else { return nil }
        // Split on bytes: a String per line and per field only where one is kept.
        let lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let head = lines.first.map({ String(decoding: $0, as: UTF8.self) }), head.hasPrefix(magic + " ") else { return nil }
        let fields = head.dropFirst(magic.count + 1).split(separator: " ")
        guard fields.count == 4, let count = Int(fields[1]), let shards = Int(fields[2]), let small = Int(fields[3]),
              lines.count == count + 2, lines.last?.isEmpty == true else { return nil }
        var state = IndexState(fingerprint: String(fields[0]), shards: shards, smallBytes: small, keys: [], topics: [])
        state.keys.reserveCapacity(count)
        state.topics.reserveCapacity(count)
        for line in lines[1...count] {
            let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard parts[0].count == IndexRecordCache.keyLength else { return nil }
            state.keys.append(String(decoding: parts[0], as: UTF8.self))
            state.topics.append(parts.dropFirst().map { String(decoding: $0, as: UTF8.self) })
        }
        return state
    }
}
