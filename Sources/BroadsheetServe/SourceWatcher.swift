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
        let fm = FileManager.default
        for root in roots {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else { continue }
            guard isDir.boolValue else {
                result[root.path] = Self.stamp(root.path)
                continue
            }
            guard let walker = fm.enumerator(atPath: root.path) else { continue }
            for case let relative as String in walker {
                let path = root.path + "/" + relative
                if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                    walker.skipDescendants()
                    continue
                }
                if Self.isEditorDebris((relative as NSString).lastPathComponent) { continue }
                if let stamp = Self.stamp(path) { result[path] = stamp }
            }
        }
        return result
    }

    /// Paths added, removed or changed between two scans, sorted.
    public static func changes(from old: Scan, to new: Scan) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// Swap files, backups and hidden files, which the build never reads either.
    static func isEditorDebris(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    /// Folders are not stamped (their files are); a nil stamp means the file vanished mid-scan.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                     inode: UInt64(info.st_ino))
    }
}
