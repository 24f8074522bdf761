import BroadsheetModel
import Foundation

/// Where an engine reads index files by id: a generated site on disk, or files in memory.
public protocol SearchIndexStore: Sendable {
    func json(for id: String) throws -> Data
}

public struct SearchIndexMissing: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "\(path): error: search index file missing; run `broadsheet build` first" }
}

/// Reads `search-index.json` and the scripts `search/….js` (the JSON they register) from a site folder.
public struct DirectorySearchIndexStore: SearchIndexStore {
    public let site: URL
    public init(site: URL) { self.site = site }

    public func json(for id: String) throws -> Data {
        let json = id == SearchIndexLayout.manifestID
        let url = site.appendingPathComponent(SearchIndexLayout.path(for: id, ext: json ? "json" : "js"))
        guard let data = try? Data(contentsOf: url) else { throw SearchIndexMissing(path: url.path) }
        if json { return data }
        guard let inner = SearchIndexWriter.json(inScript: data, id: id) else { throw SearchIndexMissing(path: url.path) }
        return Data(inner)
    }
}

/// Serves the builder's files without writing them.
public struct MemorySearchIndexStore: SearchIndexStore {
    let files: [String: Data]
    public init(files: [SearchIndexFile]) {
        self.files = Dictionary(files.map { ($0.id, $0.json) }, uniquingKeysWith: { a, _ in a })
    }

    public func json(for id: String) throws -> Data {
        guard let data = files[id] else { throw SearchIndexMissing(path: SearchIndexLayout.path(for: id, ext: "json")) }
        return data
    }
}
