import Foundation

/// An input file as listed (not yet read): what the cache compares to tell an unchanged file.
public struct InputFile: Sendable, Equatable {
    /// Path relative to the seeds folder, with `/` separators.
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var inode: UInt64

    public init(path: String, size: Int64, modified: Int64, inode: UInt64) {
        self.path = path
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The file's stamp, or nil when it is not a regular file.
    public static func stamp(of url: URL, path: String) -> InputFile? {
        stamp(atPath: url.path, path: path)
    }

    /// The same for a file system path.
    static func stamp(atPath file: String, path: String) -> InputFile? {
        var info = Foundation.stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return InputFile(path: path, size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }
}
