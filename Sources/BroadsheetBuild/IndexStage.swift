import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Writes the sharded search index (docs/search-index.md) and its classic-script twins.
public struct IndexStage: BuildStage {
    public let name = "index"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let topics = context.config.topics.map { SearchIndexManifest.Topic(id: $0.id, name: $0.name) }
        let index = SearchIndexBuilder(topics: topics).build(articles: context.articles)
        context.outputs += SearchIndexWriter().files(for: index)
    }
}
