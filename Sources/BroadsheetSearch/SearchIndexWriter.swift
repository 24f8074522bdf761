import BroadsheetModel
import Foundation

/// Serialises the index files as classic scripts that browsers load from file:// (fetch and XHR
/// are blocked there); the manifest also as plain JSON. A script registers its data with
/// `BroadsheetSearch.register(id, data)`, queueing it when search.js has not run yet; tools read
/// the JSON inside it (`DirectorySearchIndexStore`). One file per shard instead of two halves
/// the files a build creates, which is most of the cost of writing the index.
public struct SearchIndexWriter: Sendable {
    public init() {}

    static let registerPrefix = "(globalThis.BroadsheetSearch||(globalThis.BroadsheetSearch={pending:[],register:function(i,d){this.pending.push([i,d])}})).register("

    public func files(for index: [SearchIndexFile]) -> [OutputFile] {
        var outputs: [OutputFile] = []
        outputs.reserveCapacity(index.count + 1)
        for file in index {
            if file.id == SearchIndexLayout.manifestID {
                outputs.append(OutputFile(path: SearchIndexLayout.path(for: file.id, ext: "json"), bytes: file.json))
            }
            var script = Data(Self.scriptPrefix(id: file.id).utf8)
            script.append(file.json)
            script.append(Data(Self.scriptSuffix.utf8))
            outputs.append(OutputFile(path: SearchIndexLayout.path(for: file.id, ext: "js"), bytes: script))
        }
        return outputs
    }

    static func scriptPrefix(id: String) -> String { registerPrefix + "\"\(id)\"," }
    static let scriptSuffix = ");\n"

    /// The JSON inside the script of file `id`, or nil when the script is not one.
    public static func json(inScript script: Data, id: String) -> Data? {
        let prefix = Data(scriptPrefix(id: id).utf8), suffix = Data(scriptSuffix.utf8)
        guard script.count >= prefix.count + suffix.count, script.starts(with: prefix), script.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return script.dropFirst(prefix.count).dropLast(suffix.count)
    }
}
