import BroadsheetModel
import Foundation

/// Finishes the site: writes the build report and the cache, then swaps the staging folder in,
/// so that a failed build leaves the previous site as it was. (Pages were written to the staging
/// folder as the stages produced them; see SiteBuilder.)
public struct WriteStage: BuildStage {
    public let name = "write"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let staging: StagingFolder
        if let existing = context.staging { staging = existing } else {
            staging = try StagingFolder(output: context.options.output, previous: context.previous?.outputs ?? [:])
            context.staging = staging
        }
        do {
            context.outputs.append(BuildReportLines.file(context))
            try staging.write(context.outputs)
            context.outputs = []
            try writeCache(&context, to: staging)
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
        context.stats.filesWritten = staging.written
        context.stats.filesLinked = staging.linked
    }

    /// The ingest records, into the staging folder's cache; written as soon as ingest is done so
    /// that the records need not stay in memory.
    static func writeRecords(_ context: inout BuildContext, to staging: StagingFolder) throws {
        let previousPaths = Set(context.previous?.inputs.keys.map { $0 } ?? [])
        let segments = BuildCache.segmentFiles(context.records, fresh: context.freshRecords, previousPaths: previousPaths)
        context.recordHashes = Dictionary(context.records.map { ($0.path, $0.hash) }, uniquingKeysWith: { a, _ in a })
        context.records = []
        // Each segment is written as soon as it is encoded: holding every encoded segment until
        // the last one was done added a third of the ingest cache's size to the peak (330 MB at
        // 100,000 articles).
        try Parallel.forEach(segments.count) { i in
            let segment = segments[i]
            if segment.reusable && staging.reuse(segment.path) { return }
            try staging.writeUncounted([OutputFile(path: segment.path, bytes: IngestRecordCodec.encode(segment.records))])
        }
    }

    /// The manifest and the diagnostics, into the staging folder's cache.
    func writeCache(_ context: inout BuildContext, to staging: StagingFolder) throws {
        guard let keys = context.keys else { return }
        if !context.records.isEmpty { try Self.writeRecords(&context, to: staging) }
        var manifest = BuildManifest(keys: keys, started: context.stats.started)
        for input in context.inputs {
            manifest.inputs[input.path] = BuildManifest.Input(stamp: input, hash: context.recordHashes[input.path] ?? "",
                                                              slugs: context.articlesPerFile[input.path] ?? [])
        }
        manifest.outputs = staging.hashes
        manifest.pages = context.pageKeys
        try staging.writeUncounted([
            OutputFile(path: BuildCache.diagnosticsPath, bytes: IngestRecordCodec.encode(diagnostics: context.diagnostics)),
            OutputFile(path: BuildCache.folder + "/manifest.tsv", bytes: Data(manifest.bytes())),
        ] + (ToolStamp.file.map { [$0] } ?? []))
        BuildCache.stampManifest(in: staging.staging, started: manifest.started)
    }

    /// Writes `files` into a fresh folder at `output` (replacing it atomically), without a cache.
    public static func write(_ files: [OutputFile], to output: URL) throws {
        let staging = try StagingFolder(output: output, previous: [:])
        do {
            try staging.write(files)
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }
}
