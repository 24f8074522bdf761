import BroadsheetModel

/// Builds the index from articles given a batch at a time, so that a caller can let go of each
/// batch (bodies and all) once it is added: doc chunks are written as their documents arrive,
/// postings stay in memory up to `SearchIndexBuilder.postingMemoryLimit`, and `finish` writes the
/// manifest and the posting files. Articles must come in doc-id order
/// (`SearchIndexBuilder.ordered` / `precedes`); the files equal `SearchIndexBuilder.build`'s.
public final class SearchIndexStream {
    public let builder: SearchIndexBuilder
    private let emit: ([SearchIndexFile]) throws -> Void
    private let collector: SearchTermCollector
    /// Added documents not yet in a complete doc chunk, the first with id `pendingFirst`.
    private var pending: [SearchDocumentRecord] = []
    private var pendingFirst = 0
    private var years: [String: [Int]] = [:]
    private var finished = false
    /// Set by `finish`: the manifest's `postingShards` and the weight it was chosen from
    /// (`SearchIndexBuilder.smallBytes`), for a later `SearchIndexPatch`.
    public private(set) var postingShards = 0
    public private(set) var smallBytes = 0

    /// `emit` receives the files batch by batch, on the caller's thread.
    public init(builder: SearchIndexBuilder, emit: @escaping ([SearchIndexFile]) throws -> Void) {
        self.builder = builder
        self.emit = emit
        collector = SearchTermCollector(normalizer: builder.normalizer, memoryLimit: builder.postingMemoryLimit)
    }

    /// Adds the next articles, which take the next doc ids.
    public func add(_ articles: [Article]) throws {
        try add(articles, cached: [SearchDocumentRecord?](repeating: nil, count: articles.count))
    }

    /// Adds the next articles, taking each one's record from `cached` (by position) when it is
    /// there, and returns every article's record, for a cache. A record must be one this builder
    /// made from an article whose indexed fields (`SearchDocumentRecord.indexedFields`) were the same.
    @discardableResult
    public func add(_ articles: [Article], cached: [SearchDocumentRecord?]) throws -> [SearchDocumentRecord] {
        precondition(!finished, "SearchIndexStream.add after finish")
        SearchIndexBuilder.addYears(of: articles, firstID: collector.docCount, to: &years)
        let builder = builder
        let records = collector.add(articles, cached: cached, describe: builder.describe)
        pending += records
        let complete = pending.count / builder.docsPerChunk * builder.docsPerChunk
        try builder.docChunks(pending[0..<complete], firstID: pendingFirst, emit: emit)
        pending.removeFirst(complete)
        pendingFirst += complete
        return records
    }

    /// Writes the last doc chunk, the manifest and the posting files.
    public func finish() throws {
        precondition(!finished, "SearchIndexStream.finish twice")
        finished = true
        try builder.docChunks(pending[...], firstID: pendingFirst, emit: emit)
        pending = []
        (postingShards, smallBytes) = try builder.finish(collector.finish(), docCount: collector.docCount, years: years, emit: emit)
    }
}
