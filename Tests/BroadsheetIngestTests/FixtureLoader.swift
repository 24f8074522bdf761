import BroadsheetIngest
import BroadsheetModel
import Foundation

/// Reads fixtures from the test bundle's `Fixtures/` folder and runs them through ingest.
enum FixtureLoader {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func ingest(_ path: String, config: SiteConfig = SiteConfig(title: "t", topics: [])) throws -> IngestResult {
        let name = (path as NSString).lastPathComponent
        return Ingester(config: config).ingest(SourceFile(path: name, bytes: try data(path)))
    }

    /// The text an article's story begins and ends with: paragraphs, or captions for a photo.
    static func storyTexts(_ article: Article) -> [String] {
        let paragraphs = article.paragraphs
        if !paragraphs.isEmpty { return paragraphs }
        return article.body.compactMap { if case .figure(let caption, _) = $0 { return caption } else { return nil } }
    }
}
