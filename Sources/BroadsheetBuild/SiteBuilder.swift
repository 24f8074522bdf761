import BroadsheetModel
import Foundation

/// Runs the pipeline. The executable stays thin: it parses flags and calls this.
public struct SiteBuilder {
    public static let stages: [any BuildStage] = [
        LoadStage(), IngestStage(), ClassifyStage(), RenderStage(), IndexStage(), WriteStage(),
    ]

    public let options: BuildOptions
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site; throws only when no site can be produced (bad configuration or
    /// templates, unwritable output). Problems in inputs are in the returned context's diagnostics.
    @discardableResult
    public func build() throws -> BuildContext {
        let config = try SiteConfig.load(from: options.config)
        var context = BuildContext(options: options, config: config)
        for stage in Self.stages {
            try stage.run(&context)
        }
        return context
    }
}
