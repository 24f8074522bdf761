import BroadsheetModel
import Foundation

/// The running executable's stamp (device, inode, size, modification and change times), kept in
/// `.broadsheet-cache/tool.tsv` beside the manifest, so that a build can take the tool's hash from
/// the previous manifest instead of reading and hashing the executable (tens of megabytes; 1–4%
/// of a one-file rebuild at 10,000 articles). As for inputs, a stamp is not trusted when the
/// file changed within 2 s of the previous build's start.
///
/// (A file of its own, not a field of `BuildManifest`: one more stored property there made
/// `LiveReloadTests` "when the first build fails, the previous build … is served" crash in
/// debug builds, reproducibly, for reasons not found; see the perf-onefile report.)
struct ToolStamp: Equatable {
    static let path = "\(BuildCache.folder)/tool.tsv"

    let text: String
    /// The later of the modification and change times, in nanoseconds since 1970.
    let changed: Int64

    static let current: ToolStamp? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        return ToolStamp(text: "\(info.st_dev):\(info.st_ino):\(modified):\(changed):\(info.st_size)", changed: max(modified, changed))
    }()

    /// The file recording `current` for the next build.
    static var file: OutputFile? { current.map { OutputFile(path: path, text: $0.text + "\n") } }

    /// The previous build's tool hash when the executable still has the stamp `site` recorded
    /// with that build's manifest.
    static func previousHash(_ previous: BuildManifest?, site: URL) -> String? {
        guard let previous, let data = try? Data(contentsOf: site.appendingPathComponent(path)) else { return nil }
        return previousHash(previous, recorded: String(decoding: data, as: UTF8.self))
    }

    static func previousHash(_ previous: BuildManifest, recorded: String) -> String? {
        guard let stamp = current, recorded == stamp.text + "\n", stamp.changed < previous.started - 2_000_000_000 else { return nil }
        return previous.keys.tool
    }
}
