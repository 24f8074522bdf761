import BroadsheetModel
import Foundation

/// Serialises the index files: each as JSON (what tools read) and as a classic-script twin that
/// browsers load from file:// (fetch and XHR are blocked there). A twin registers its data with
/// `BroadsheetSearch.register(id, data)`, queueing it when search.js has not run yet.
public struct SearchIndexWriter: Sendable {
    public init() {}

    static let registerPrefix = "(globalThis.BroadsheetSearch||(globalThis.BroadsheetSearch={pending:[],register:function(i,d){this.pending.push([i,d])}})).register("

    public func files(for index: [SearchIndexFile]) -> [OutputFile] {
        var outputs: [OutputFile] = []
        outputs.reserveCapacity(index.count * 2)
        for file in index {
            outputs.append(OutputFile(path: SearchIndexLayout.path(for: file.id, ext: "json"), bytes: file.json))
            var script = Data(Self.registerPrefix.utf8)
            script.append(Data("\"\(file.id)\",".utf8))
            script.append(file.json)
            script.append(Data(");\n".utf8))
            outputs.append(OutputFile(path: SearchIndexLayout.path(for: file.id, ext: "js"), bytes: script))
        }
        return outputs
    }
}
