import Foundation

/// The running executable's stamp (device, inode, size, modification and change times), so that a
/// build can take the tool's hash from the previous manifest instead of reading and hashing the
/// executable (tens of megabytes; 1–4% of a one-file rebuild at 10,000 articles). As for inputs,
/// a stamp is not trusted when the file changed within 2 s of the recorded build's start.
struct ToolStamp: Equatable {
    let text: String
    /// The later of the modification and change times, in nanoseconds since 1970.
    let changed: Int64

    static let current: ToolStamp? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        return ToolStamp(text: "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified):\(changed)", changed: max(modified, changed))
    }()

    /// The previous build's tool hash when the executable still has the stamp recorded with it.
    static func previousHash(_ previous: BuildManifest?) -> String? {
        guard let previous, let stamp = current, !previous.toolStamp.isEmpty, previous.toolStamp == stamp.text,
              stamp.changed < previous.started - 2_000_000_000 else { return nil }
        return previous.keys.tool
    }
}
