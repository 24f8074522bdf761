import Foundation

/// One complete built site held in memory, exactly as it is served. Requests read a snapshot and a
/// rebuild swaps in a new one whole, so a page never mixes two builds, the output folder's
/// swap-in (which briefly leaves no folder) is never seen, and the last good site stays served
/// whatever happens on disk.
public struct SiteSnapshot: Sendable {
    public struct File: Sendable {
        public let bytes: Data
        public let contentType: String
        /// A strong validator: the size and a hash of the served bytes.
        public let etag: String
    }

    public let files: [String: File]

    public static let empty = SiteSnapshot(files: [:])

    public init(files: [String: File]) {
        self.files = files
    }

    /// Builds files from served bytes keyed by site-relative path.
    public init(contents: [String: Data]) {
        var files: [String: File] = [:]
        for (path, bytes) in contents {
            files[path] = File(bytes: bytes, contentType: ContentType.forPath(path), etag: Self.etag(for: bytes))
        }
        self.init(files: files)
    }

    public subscript(path: String) -> File? { files[path] }

    public var isEmpty: Bool { files.isEmpty }

    /// Reads every regular, non-hidden file under `directory` (links to folders are not followed). `html` rewrites HTML files on the way in;
    /// the files on disk are never changed.
    public static func load(from directory: URL, html: (Data) -> Data = { $0 }) throws -> SiteSnapshot {
        guard let info = FileTree.info(directory.path), FileTree.isDirectory(info) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        var contents: [String: Data] = [:]
        for entry in FileTree.files(under: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(entry.path))
            contents[entry.path] = ContentType.isHTML(entry.path) ? html(bytes) : bytes
        }
        return SiteSnapshot(contents: contents)
    }

    /// Hashes with the standard library's SipHash, which is fast even in a debug build. Its seed
    /// changes per process, so a restarted server revalidates once with a 200: harmless for a
    /// preview, and validators only need to differ when the bytes differ.
    static func etag(for bytes: Data) -> String {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        return "\"\(String(bytes.count, radix: 16))-\(String(hash, radix: 16))\""
    }
}
