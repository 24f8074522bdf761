import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files under a folder with `readdir` and `stat`: about ten times cheaper than
/// FileManager's enumerator on Linux, which matters when a 1,800-file seeds folder is polled four
/// times a second. Hidden names are skipped; symbolic links to files are followed, links to
/// folders are not (no cycles).
enum FileTree {
    struct Entry {
        /// Relative to the walked folder, `/`-separated.
        var path: String
        var info: stat
    }

    static func files(under root: String, skip: (String) -> Bool = { _ in false }) -> [Entry] {
        var result: [Entry] = []
        walk(root, relative: "", skip: skip, into: &result)
        return result
    }

    /// `stat` of a path (following links), or nil when it does not exist.
    static func info(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isRegular(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }

    private static func walk(_ folder: String, relative: String, skip: (String) -> Bool, into result: inout [Entry]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") || skip(name) { continue }
            let path = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            if isDirectory(link) {
                walk(path, relative: rel, skip: skip, into: &result)
            } else if let info = info(path), isRegular(info) {
                result.append(Entry(path: rel, info: info))
            }
        }
    }
}
