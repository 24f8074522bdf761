import BroadsheetModel
import Foundation

/// Reads every regular file under the seeds folder, in a stable (sorted) order.
/// Hidden files and README files are not inputs.
public struct LoadStage: BuildStage {
    public let name = "load"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        context.sources = try Self.load(from: context.options.seeds)
    }

    public static func load(from seeds: URL) throws -> [SourceFile] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: seeds.path, isDirectory: &isDir), isDir.boolValue else {
            throw BuildError("\(seeds.path): error: the seeds folder does not exist")
        }
        var paths: [String] = []
        if let walker = fm.enumerator(atPath: seeds.path) {
            for case let relative as String in walker {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.lowercased().hasPrefix("readme") { continue }
                var dir: ObjCBool = false
                if fm.fileExists(atPath: seeds.appendingPathComponent(relative).path, isDirectory: &dir), !dir.boolValue {
                    paths.append(relative)
                }
            }
        }
        return try paths.sorted().map { relative in
            SourceFile(path: relative, bytes: try Data(contentsOf: seeds.appendingPathComponent(relative)))
        }
    }
}
