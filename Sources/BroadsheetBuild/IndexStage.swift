import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Writes the search index and its classic-script twin.
public struct IndexStage: BuildStage {
    public let name = "index"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        context.outputs += SearchIndexWriter().files(for: SearchIndexBuilder().build(articles: context.articles))
    }
}
