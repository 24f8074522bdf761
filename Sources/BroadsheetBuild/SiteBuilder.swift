import BroadsheetModel
import BroadsheetRender
import BroadsheetSearch
import Foundation

/// Runs the pipeline. The executable stays thin: it parses flags and calls this.
///
/// Load lists the inputs; ingest reads, parses and classifies them in parallel (or takes them
/// from the cache); render and index produce the pages, which are written to the staging folder
/// straight away; write adds the report and the cache and swaps the folder in. When nothing that
/// decides the output changed since the last build, the output folder is left untouched.
public struct SiteBuilder {
    public static let stages: [any BuildStage] = [
        LoadStage(), IngestStage(), RenderStage(), IndexStage(), WriteStage(),
    ]

    /// From this many articles on, the index waits for the render plan (see `build`).
    static let planBeforeIndexFrom = 30_000

    public let options: BuildOptions
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site; throws only when no site can be produced (bad configuration or
    /// templates, unwritable output). Problems in inputs are in the returned context's diagnostics.
    @discardableResult
    public func build() throws -> BuildContext {
        ProcessMemory.limitArenas(to: max(2, Parallel.cores))
        let config = try SiteConfig.load(from: options.config)
        var context = BuildContext(options: options, config: config)
        let progress = options.progress
        defer { progress.finish() }
        var time = Date()
        func lap(_ stage: String) {
            context.stats.seconds.append((stage, Date().timeIntervalSince(time)))
            if let memory = ProcessMemory.residentMB() { context.stats.memory.append((stage, memory.now, memory.peak)) }
            time = Date()
        }

        context.stats.started = Int64(Date().timeIntervalSince1970 * 1e9)
        // The search tokenizer's normalisation table is made on another thread while load runs
        // on one core: in a one-file rebuild the index needed it first, on its critical path.
        DispatchQueue.global().async { SearchIndexBuilder().prepareTokenizer() }
        progress.begin("load")
        let previous = options.incremental ? BuildCache.manifest(in: options.output) : nil
        let keys = try BuildKeys.compute(options: options, previous: previous)
        context.keys = keys
        try LoadStage().run(&context)
        lap("load")
        if let previous, let diagnostics = BuildCache.diagnostics(in: options.output),
           Self.isUpToDate(previous, keys: keys, inputs: context.inputs) {
            context.stats.upToDate = true
            context.diagnostics = diagnostics
            for input in context.inputs { context.articlesPerFile[input.path] = previous.inputs[input.path]?.slugs ?? [] }
            return context
        }
        // Ingest records are valid only for the same tool and configuration; reusing an output
        // file needs only its bytes to match, which the write checks.
        if let previous, previous.keys.tool == keys.tool, previous.keys.config == keys.config {
            context.previous = previous
        }

        try IngestStage().run(&context)
        ProcessMemory.releaseFreed()
        lap("ingest")
        let staging = try StagingFolder(output: options.output, previous: previous?.outputs ?? [:])
        context.staging = staging
        do {
            progress.begin("write cache")
            try WriteStage.writeRecords(&context, to: staging)
            lap("write cache")
            // Render and index both read the articles and write nothing else: they run side by
            // side, and the pages are written while the index is still being built.
            progress.begin("render + index")
            let started = Date()
            // Render and index each take the articles with their bodies once; the context keeps
            // only what the report needs, so each body is freed once both sides have passed it.
            let handOff = ArticleHandOff(context.articles, takers: 2)
            context.articles = context.articles.map { article in
                var summary = article
                summary.body = []
                return summary
            }
            let frozen = context
            // On a large site the index adds its first batch only once the render plan is made:
            // the plan's scratch tables and the index's postings are the two largest transient
            // allocations (~270 MB and ~200 MB at 100,000 articles), so they are not held at the
            // same time. A smaller site keeps both cores busy instead (waiting cost 10% at 10,000).
            let planned = DispatchSemaphore(value: 0)
            // (With one core both sides may run one after the other, render first: never wait then.)
            let waitForPlan = context.articles.count >= Self.planBeforeIndexFrom && Parallel.cores > 1
            let previousPages = previous?.pages ?? [:]
            // Set by the render side before `Parallel.both` returns, read after.
            nonisolated(unsafe) var listingsReused = 0
            let ((renderSeconds, pageKeys, reusedPages), (indexSeconds, indexStats)) = try Parallel.both({ () throws -> (Double, [String: String], Int) in
                // Pages go to the staging folder chunk by chunk, so they are never all held.
                progress.begin("render + write pages", total: 2 * frozen.articles.count, unit: "files")
                var pages: PageReuse?
                defer { listingsReused = pages?.listingsReused.value ?? 0 }
                var signalled = false
                defer { if !signalled { planned.signal() } }
                try RenderStage().stream(frozen, articles: handOff.take(), reuse: { plan in
                    let reuse = try PageReuse(frozen, plan: plan, staging: staging, previous: previousPages, progress: progress)
                    pages = reuse
                    planned.signal()
                    signalled = true
                    return RenderStage.Reuse(article: reuse.article, listing: reuse.listing)
                }) { try staging.write($0, progress: progress) }
                return (Date().timeIntervalSince(started), pages?.keys ?? [:], pages?.articlesReused.value ?? 0)
            }, { () throws -> (Double, BuildStats) in
                // With a staging folder the index writes its files there batch by batch.
                var own = frozen
                try IndexStage().stream(&own, articles: handOff.take(), beforeBatches: { if waitForPlan { planned.wait() } })
                return (Date().timeIntervalSince(started), own.stats)
            })
            context.stats.indexRecordsReused = indexStats.indexRecordsReused
            context.stats.indexRecordsMade = indexStats.indexRecordsMade
            context.stats.indexPatched = indexStats.indexPatched
            context.stats.seconds += [("render", renderSeconds), ("index", indexSeconds)]
            context.pageKeys = pageKeys
            context.stats.pagesReused = reusedPages
            context.stats.listingsReused = listingsReused
            context.stats.pagesRendered = context.articles.count - reusedPages
            lap("render+index+write pages")
            ProcessMemory.releaseFreed()
            progress.begin("write")
            try WriteStage().run(&context)
            lap("write")
        } catch {
            staging.abandon()
            throw error
        }
        return context
    }

    /// True when the previous build saw exactly these inputs, unchanged, with the same tool,
    /// configuration and templates: then its output is what this build would write.
    static func isUpToDate(_ previous: BuildManifest, keys: BuildKeys, inputs: [InputFile]) -> Bool {
        guard previous.keys == keys, previous.inputs.count == inputs.count else { return false }
        return inputs.allSatisfy { previous.stampMatches($0) }
    }
}
