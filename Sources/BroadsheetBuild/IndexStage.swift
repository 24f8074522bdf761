import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Builds the sharded search index (docs/search-index.md) and its classic-script twins. In a
/// site build the files go to the staging folder batch by batch as they are made, so they are
/// written while the rest of the index is built and the whole index is never held at once; and
/// each article's record (its keys and doc-chunk pieces) is taken from the previous build's
/// cache when the article is unchanged (`IndexRecordCache`), and kept for the next build.
/// When the same articles keep their doc ids and only a few changed, the previous index is
/// patched (`IndexPatchPlan`, `SearchIndexPatch`) rather than made whole.
public struct IndexStage: BuildStage {
    public let name = "index"
    /// Articles added to the index per batch.
    static let batch = 1024
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        guard context.staging != nil else {
            let topics = context.config.topics.map { SearchIndexManifest.Topic(id: $0.id, name: $0.name) }
            context.outputs += SearchIndexWriter().files(for: SearchIndexBuilder(topics: topics).build(articles: context.articles))
            return
        }
        try stream(&context, articles: context.articles)
    }

    /// Builds the index into the staging folder from `articles`, the site's articles with their
    /// bodies (`context.articles` may be bodiless summaries); a batch's bodies are let go once
    /// its records are made, since the rest of the build reads only the records.
    /// `beforeBatches` is called once the documents are ordered and keyed, before the first
    /// batch (a site build waits there for the render plan; see SiteBuilder).
    func stream(_ context: inout BuildContext, articles: consuming [Article], beforeBatches: () -> Void = {}) throws {
        guard let staging = context.staging else { preconditionFailure("IndexStage.stream needs a staging folder") }
        let topics = context.config.topics.map { SearchIndexManifest.Topic(id: $0.id, name: $0.name) }
        let builder = SearchIndexBuilder(topics: topics)
        let writer = SearchIndexWriter()
        let cache = IndexRecordCache(site: context.previous == nil ? nil : context.options.output, salt: builder.recordSalt)
        let records = IndexRecordWriter(staging: staging, previous: cache)
        var docs = SearchIndexBuilder.ordered(articles)
        _ = consume articles
        let keys = Parallel.map(docs.count) { cache.key(of: docs[$0]) }
        let fingerprint = IndexState.fingerprint(keys: context.keys, builder: builder)
        var state = IndexState(fingerprint: fingerprint, shards: 0, smallBytes: 0, keys: keys, topics: docs.map(\.topics))
        let plan = context.previous == nil ? nil
            : IndexPatchPlan(builder: builder, staging: staging, cache: cache, docs: docs, keys: keys, fingerprint: fingerprint)
        var reused = 0
        // Records made in this build (not in the cache), by key.
        var made: [String: SearchDocumentRecord] = plan?.made ?? [:]
        beforeBatches()
        let stream = SearchIndexStream(builder: builder) { batch in try staging.write(writer.files(for: batch)) }
        for first in stride(from: 0, to: docs.count, by: Self.batch) {
            let range = first..<min(docs.count, first + Self.batch)
            let batch = Array(docs[range])
            let cached = Parallel.map(batch.count) { i in cache.record(keys[first + i]) }
            reused += cached.count { $0 != nil }
            let found = range.map { cached[$0 - first] ?? made[keys[$0]] }
            let all: [SearchDocumentRecord]
            if let patch = plan?.patch {
                all = Parallel.map(batch.count) { i in found[i] ?? builder.record(of: batch[i]) }
                patch.add(batch, records: all)
            } else {
                all = try stream.add(batch, cached: found)
            }
            // Kept only for a patch that may give up (then few were made): a whole build lets go.
            if plan != nil { for i in range where cached[i - first] == nil { made[keys[i]] = all[i - first] } }
            try records.add(range.map { IndexRecordWriter.Entry(key: keys[$0], record: all[$0 - first]) })
            for i in range { docs[i].body = [] }
            cache.releasePages()
        }
        try records.finish()
        if let plan, try plan.finish(writer: writer) {
            (state.shards, state.smallBytes) = (plan.shards, plan.patch.smallBytes)
            context.stats.indexPatched = true
        } else {
            // The whole index, again from the records (all cached or made by now).
            if plan != nil {
                for first in stride(from: 0, to: docs.count, by: Self.batch) {
                    let range = first..<min(docs.count, first + Self.batch)
                    try stream.add(Array(docs[range]), cached: range.map { cache.record(keys[$0]) ?? made[keys[$0]] })
                    cache.releasePages()
                }
            }
            try stream.finish()
            (state.shards, state.smallBytes) = (stream.postingShards, stream.smallBytes)
        }
        try staging.writeUncounted([state.file()])
        context.stats.indexRecordsReused = reused
        context.stats.indexRecordsMade = docs.count - reused
    }
}
