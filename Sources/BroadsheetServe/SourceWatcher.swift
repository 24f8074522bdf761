import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits to the build's inputs by polling: every scan records each file's size, change
/// time and inode, and two scans differ when anything was saved, added, removed or renamed.
/// Polling needs no platform API (inotify, FSEvents), works the same on Linux and macOS, and sees
/// saves made by editors that write a new file and rename it over the old one.
public struct SourceWatcher: Sendable {
    public struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    public typealias Scan = [String: Stamp]

    /// Files or folders (walked recursively).
    public let roots: [URL]
    /// Not watched: the output folder, if it sits inside a watched folder.
    public let excluded: [String]

    public init(roots: [URL], excluding excluded: [URL] = []) {
        self.roots = roots.map(\.standardizedFileURL)
        self.excluded = excluded.map { $0.standardizedFileURL.path }
    }

    public func scan() -> Scan {
        var result: Scan = [:]
        for root in roots {
            guard let info = FileTree.info(root.path) else { continue }
            guard FileTree.isDirectory(info) else {
                result[root.path] = Self.stamp(info)
                continue
            }
            for entry in FileTree.files(under: root.path, skip: Self.isEditorDebris) {
                let path = root.path + "/" + entry.path
                if excluded.contains(where: { path.hasPrefix($0 + "/") }) { continue }
                result[path] = Self.stamp(entry.info)
            }
        }
        return result
    }

    /// Paths added, removed or changed between two scans, sorted.
    public static func changes(from old: Scan, to new: Scan) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// Swap files and backups (hidden files are skipped too), which the build never reads either.
    static func isEditorDebris(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasPrefix("#")
    }

    static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                     inode: UInt64(info.st_ino))
    }
}
