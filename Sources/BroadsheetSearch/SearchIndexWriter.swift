import BroadsheetModel
import Foundation

/// Serialises the index as `search-index.json` and as `search-index.js`, a classic script that
/// browsers can load from file:// (fetch and XHR are blocked there).
public struct SearchIndexWriter: Sendable {
    public init() {}

    public func files(for index: SearchIndex) -> [OutputFile] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(index)) ?? Data("{}".utf8)
        var script = Data("window.BroadsheetSearchIndex = ".utf8)
        script.append(json)
        script.append(Data(";\n".utf8))
        return [OutputFile(path: "search-index.json", bytes: json), OutputFile(path: "search-index.js", bytes: script)]
    }
}
