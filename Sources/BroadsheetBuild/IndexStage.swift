import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Builds the sharded search index (docs/search-index.md) and its classic-script twins. In a
/// site build the files go to the staging folder batch by batch as they are made, so they are
/// written while the rest of the index is built and the whole index is never held at once; and
/// each article's record (its keys and doc-chunk pieces) is taken from the previous build's
/// cache when the article is unchanged (`IndexRecordCache`), and kept for the next build.
public struct IndexStage: BuildStage {
    public let name = "index"
    /// Articles added to the index per batch.
    static let batch = 1024
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let topics = context.config.topics.map { SearchIndexManifest.Topic(id: $0.id, name: $0.name) }
        let builder = SearchIndexBuilder(topics: topics)
        let writer = SearchIndexWriter()
        guard let staging = context.staging else {
            context.outputs += writer.files(for: builder.build(articles: context.articles))
            return
        }
        let cache = IndexRecordCache(site: context.previous == nil ? nil : context.options.output, salt: builder.recordSalt)
        let records = IndexRecordWriter(staging: staging, previous: cache)
        let stream = SearchIndexStream(builder: builder) { batch in try staging.write(writer.files(for: batch)) }
        let docs = SearchIndexBuilder.ordered(context.articles)
        var reused = 0
        for first in stride(from: 0, to: docs.count, by: Self.batch) {
            let batch = Array(docs[first..<min(docs.count, first + Self.batch)])
            let found = Parallel.map(batch.count) { i in
                let key = cache.key(of: batch[i])
                return (key, cache.record(key))
            }
            let made = try stream.add(batch, cached: found.map(\.1))
            reused += found.count { $0.1 != nil }
            try records.add(made.indices.map { IndexRecordWriter.Entry(key: found[$0].0, record: made[$0]) })
        }
        try stream.finish()
        try records.finish()
        context.stats.indexRecordsReused = reused
        context.stats.indexRecordsMade = docs.count - reused
    }
}
