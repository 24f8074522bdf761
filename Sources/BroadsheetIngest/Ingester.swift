import BroadsheetModel
import Foundation

/// What ingest made of one input file.
public struct IngestResult: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    public init(articles: [Article] = [], diagnostics: [Diagnostic] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// The ingest stage: one input file's bytes in, the articles an editor would have typed out.
/// Never throws and never crashes on content: problems become diagnostics.
public struct Ingester: Sendable {
    public let config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    public func ingest(_ file: SourceFile) -> IngestResult {
        let text: String
        switch TextDecoder.decode(file.bytes, encodingHint: SiteConfig.lookup(config.encodings, path: file.path)) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            return IngestResult(diagnostics: [Diagnostic(.error, file: file.path, byteOffset: failure.byteOffset,
                                                         code: "decode.invalid-bytes", message: failure.message)])
        }
        return PlainTextSplitter(path: file.path).split(text)
    }
}
