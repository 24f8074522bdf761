import BroadsheetBuild
import BroadsheetModel
import Foundation

/// The articles a real build indexes, read back from a built site's ingest cache
/// (`.broadsheet-cache/ingest/*.json`) and given their slugs the way the build does, so that the
/// bench's index can be compared byte for byte with the site's.
enum PipelineArticles {
    static func load(site: URL) throws -> [Article] {
        let folder = site.appendingPathComponent(".broadsheet-cache/ingest")
        var records: [IngestRecord] = []
        for url in BenchCorpus.files(in: folder, ext: "json") {
            records += try JSONDecoder().decode([IngestRecord].self, from: Data(contentsOf: url))
        }
        records.sort { $0.path < $1.path }
        return SlugAssigner.assign(records.flatMap(\.articles))
    }
}
