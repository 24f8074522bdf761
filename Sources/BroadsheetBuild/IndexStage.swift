import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Builds the sharded search index (docs/search-index.md) and its classic-script twins. In a
/// site build the files go to the staging folder batch by batch as they are made, so they are
/// written while the rest of the index is built and the whole index is never held at once.
public struct IndexStage: BuildStage {
    public let name = "index"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        let topics = context.config.topics.map { SearchIndexManifest.Topic(id: $0.id, name: $0.name) }
        let builder = SearchIndexBuilder(topics: topics)
        let writer = SearchIndexWriter()
        if let staging = context.staging {
            try builder.build(articles: context.articles) { batch in try staging.write(writer.files(for: batch)) }
        } else {
            context.outputs += writer.files(for: builder.build(articles: context.articles))
        }
    }
}
