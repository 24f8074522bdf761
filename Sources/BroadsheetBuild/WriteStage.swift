import BroadsheetModel
import Foundation

/// Writes the site beside the output folder, then swaps it in, so that a failed build leaves the
/// previous site as it was.
public struct WriteStage: BuildStage {
    public let name = "write"
    public init() {}

    public func run(_ context: inout BuildContext) throws {
        context.outputs.append(BuildReport(context: context).file())
        try Self.write(context.outputs, to: context.options.output)
    }

    public static func write(_ files: [OutputFile], to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name)-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name)-old-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for file in files.sorted(by: { $0.path < $1.path }) {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.bytes.write(to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw BuildError("\(output.path): error: cannot write the site: \(error.localizedDescription)")
        }
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: retired)
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            // Put the previous site back before reporting.
            if fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: output) }
            throw BuildError("\(output.path): error: cannot swap in the new site: \(error.localizedDescription)")
        }
        try? fm.removeItem(at: retired)
    }
}
