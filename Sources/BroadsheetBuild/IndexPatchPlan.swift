import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Decides whether this build's search index can be the previous build's patched
/// (`SearchIndexPatch`) and connects the patch to the previous site: the same documents in the
/// same doc order (by the previous `IndexState`), the same tool, configuration and builder, an
/// output updated in place, and few documents with a new record, whose previous records are in
/// the cache. Previous files are read only when their bytes match the previous manifest's hash.
final class IndexPatchPlan {
    let patch: SearchIndexPatch
    let shards: Int
    /// Records made for the changed documents (not in the cache), by key.
    let made: [String: SearchDocumentRecord]
    private let staging: StagingFolder

    init?(builder: SearchIndexBuilder, staging: StagingFolder, cache: IndexRecordCache, docs: [Article], keys: [String], fingerprint: String) {
        guard staging.inPlace, let state = IndexState.read(site: staging.output), state.fingerprint == fingerprint,
              state.keys.count == keys.count, state.shards > 0 else { return nil }
        let changed = keys.indices.filter { keys[$0] != state.keys[$0] }
        // Each changed document adds its keys to those accumulated over every document.
        guard changed.count <= max(16, keys.count / 64) else { return nil }
        var changes: [SearchIndexPatch.Change] = [], made: [String: SearchDocumentRecord] = [:]
        for doc in changed {
            guard let old = cache.record(state.keys[doc]) else { return nil }
            let cached = cache.record(keys[doc])
            let new = cached ?? made[keys[doc]] ?? builder.record(of: docs[doc])
            if cached == nil { made[keys[doc]] = new }
            changes.append(SearchIndexPatch.Change(doc: doc, old: old, oldTopics: state.topics[doc], new: new, newTopics: docs[doc].topics))
        }
        patch = SearchIndexPatch(builder: builder, previous: .init(docCount: keys.count, shards: state.shards, smallBytes: state.smallBytes),
                                 changes: changes)
        shards = state.shards
        self.made = made
        self.staging = staging
    }

    /// Emits the patched files into the staging folder and keeps the others; false (nothing
    /// emitted) when the index must be built whole.
    func finish(writer: SearchIndexWriter) throws -> Bool {
        var ownFiles: [Int: [String]] = [:]
        for path in staging.previous.keys where path.hasPrefix("search/p/") && path.hasSuffix(".js") {
            let name = path.dropFirst("search/p/".count).dropLast(".js".count)
            guard let dash = name.firstIndex(of: "-"), let shard = Int(name[..<dash]) else { continue }
            ownFiles[shard, default: []].append("p/" + name)
        }
        let staging = staging
        return try patch.finish(previousFile: { id in
            let path = SearchIndexLayout.path(for: id, ext: "js")
            guard let hash = staging.previous[path],
                  let script = try? Data(contentsOf: staging.output.appendingPathComponent(path)),
                  ContentHash.of(script) == hash else { return nil }
            return SearchIndexWriter.json(inScript: script, id: id)
        }, ownFiles: ownFiles, reuse: { ids in
            staging.reuseOutputs(ids.map { SearchIndexLayout.path(for: $0, ext: "js") })
        }, emit: { files in
            try staging.write(writer.files(for: files))
        })
    }
}
