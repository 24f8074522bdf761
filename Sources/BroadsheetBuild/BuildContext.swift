import BroadsheetModel
import Foundation

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var seeds: URL
    public var output: URL
    public var config: URL
    public var templates: URL
    public init(seeds: URL, output: URL, config: URL, templates: URL) {
        self.seeds = seeds
        self.output = output
        self.config = config
        self.templates = templates
    }
}

/// The one value every stage reads and extends: load → ingest → classify → render → index → write.
public struct BuildContext {
    public var options: BuildOptions
    public var config: SiteConfig
    public var sources: [SourceFile] = []
    public var articles: [Article] = []
    public var diagnostics: [Diagnostic] = []
    /// Articles found per input path, for the build report.
    public var articlesPerFile: [String: [String]] = [:]
    public var outputs: [OutputFile] = []

    public init(options: BuildOptions, config: SiteConfig) {
        self.options = options
        self.config = config
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
