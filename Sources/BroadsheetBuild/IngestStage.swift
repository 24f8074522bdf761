import BroadsheetClassify
import BroadsheetIngest
import BroadsheetModel
import BroadsheetRender
import Foundation

/// Turns each input file into classified articles, files in parallel, then gives every article
/// its slug. A file whose bytes the previous build already ingested (same tool and
/// configuration) is taken from the cache instead of being read and parsed again.
public struct IngestStage: BuildStage {
    public let name = "ingest"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        if context.inputs.isEmpty && !context.sources.isEmpty {
            // Called with loaded sources (stage by stage): ingest those.
            context.inputs = context.sources.map { InputFile(path: $0.path, size: Int64($0.bytes.count), modified: 0, inode: 0) }
        }
        let previous = context.previous
        let cached = previous == nil ? [:] : BuildCache.records(in: context.options.output)
        let loaded = Dictionary(context.sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let ingester = Ingester(config: context.config)
        let classifier = TopicClassifier(topics: context.config.topics)
        let seeds = context.options.seeds
        let inputs = context.inputs
        let progress = context.options.progress
        progress.begin("ingest", total: inputs.count, unit: "files")
        let results = try Parallel.map(inputs.count) { i -> (record: IngestRecord, fresh: Bool) in
            defer { progress.advance() }
            let input = inputs[i]
            if previous?.stampMatches(input) == true, let record = cached[input.path], record.hash == previous?.inputs[input.path]?.hash {
                return (record, false)
            }
            let bytes: Data
            do { bytes = try loaded[input.path] ?? Data(contentsOf: seeds.appendingPathComponent(input.path)) } catch {
                throw BuildError("\(seeds.appendingPathComponent(input.path).path): error: cannot read the file: \(error.localizedDescription)")
            }
            let hash = ContentHash.of(bytes)
            if let record = cached[input.path], record.hash == hash { return (record, false) }
            let result = ingester.ingest(SourceFile(path: input.path, bytes: bytes))
            var articles = ClassifyStage.classify(result.articles, with: classifier)
            for a in articles.indices { articles[a].excerpt = Excerpt.of(articles[a]) }
            return (IngestRecord(path: input.path, hash: hash, articles: articles, diagnostics: result.diagnostics), true)
        }
        context.records = results.map(\.record)
        context.freshRecords = Set(results.filter(\.fresh).map(\.record.path))
        context.stats.inputsIngested = context.freshRecords.count
        context.stats.inputsReused = results.count - context.freshRecords.count
        context.sources = []

        var articles: [Article] = []
        for record in context.records {
            context.diagnostics += record.diagnostics
            articles += record.articles
        }
        context.articles = SlugAssigner.assign(articles)
        for article in context.articles { context.articlesPerFile[article.source, default: []].append(article.slug) }
        for input in inputs where context.articlesPerFile[input.path] == nil {
            context.articlesPerFile[input.path] = []
        }
    }
}
