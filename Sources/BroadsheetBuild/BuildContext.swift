import BroadsheetModel
import Foundation

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var seeds: URL
    public var output: URL
    public var config: URL
    public var templates: URL
    /// Reuse the previous build's work recorded in the output's cache folder.
    public var incremental = true
    public var progress: ProgressReporter = .silent
    public init(seeds: URL, output: URL, config: URL, templates: URL) {
        self.seeds = seeds
        self.output = output
        self.config = config
        self.templates = templates
    }
}

/// The one value every stage reads and extends: load → ingest (+ classify) → render → index → write.
public struct BuildContext {
    public var options: BuildOptions
    public var config: SiteConfig
    /// The input files as listed; ingest reads them one at a time.
    public var inputs: [InputFile] = []
    /// Loaded inputs, for callers of the stages one by one (the pipeline reads lazily instead).
    public var sources: [SourceFile] = []
    /// The site's articles. After render and index, their bodies are dropped to bound memory.
    public var articles: [Article] = []
    public var diagnostics: [Diagnostic] = []
    /// Articles found per input path, for the build report.
    public var articlesPerFile: [String: [String]] = [:]
    /// Files produced by the last stage and not yet written.
    public var outputs: [OutputFile] = []
    /// What was reused: how many inputs came from the cache, how many output files were linked.
    public var stats = BuildStats()

    var keys: BuildKeys?
    var previous: BuildManifest?
    var records: [IngestRecord] = []
    var freshRecords: Set<String> = []
    /// Content hash per input path, kept for the manifest once the records are written.
    var recordHashes: [String: String] = [:]
    /// Key of each article and listing page rendered or reused by this build (see PageKeys).
    var pageKeys: [String: String] = [:]
    var staging: StagingFolder?

    public init(options: BuildOptions, config: SiteConfig) {
        self.options = options
        self.config = config
    }
}

/// Counts of the work a build did and the work it reused.
public struct BuildStats: Sendable, Equatable {
    /// Nothing had changed: the output folder was left untouched.
    public var upToDate = false
    /// When the inputs were listed, in nanoseconds since 1970.
    public var started: Int64 = 0
    public var inputsIngested = 0
    public var inputsReused = 0
    public var filesWritten = 0
    public var filesLinked = 0
    /// Article pages rendered, and linked unrendered from the previous build (same PageKeys key).
    public var pagesRendered = 0
    public var pagesReused = 0
    /// Listing pages (home, topic pages, feeds …) linked unrendered from the previous build.
    public var listingsReused = 0
    /// Search-index records (an article's keys and doc-chunk pieces) taken from the cache, and made.
    public var indexRecordsReused = 0
    public var indexRecordsMade = 0
    /// The search index was the previous one patched (`IndexPatchPlan`), not built whole.
    public var indexPatched = false
    public var seconds: [(stage: String, seconds: Double)] = []
    /// Resident memory (MB) after each timed stage, and its peak so far.
    public var memory: [(stage: String, now: Int, peak: Int)] = []

    public static func == (a: BuildStats, b: BuildStats) -> Bool {
        a.upToDate == b.upToDate && a.inputsIngested == b.inputsIngested && a.inputsReused == b.inputsReused
            && a.filesWritten == b.filesWritten && a.filesLinked == b.filesLinked
    }
}

/// A named step of the pipeline.
public protocol BuildStage: Sendable {
    var name: String { get }
    func run(_ context: inout BuildContext) throws
}

/// A build that could not produce a site (the previous output is left as it was).
public struct BuildError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
