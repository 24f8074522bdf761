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

    /// Reads every regular, non-hidden file under `directory` (symbolic links are not followed, so
    /// nothing outside the folder can enter the site). `html` rewrites HTML files on the way in;
    /// the files on disk are never changed.
    public static func load(from directory: URL, html: (Data) -> Data = { $0 }) throws -> SiteSnapshot {
        let fm = FileManager.default
        var contents: [String: Data] = [:]
        guard let walker = fm.enumerator(atPath: directory.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        for case let relative as String in walker {
            let url = directory.appendingPathComponent(relative)
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let type = try fm.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
            guard type == .typeRegular else { continue }
            let bytes = try Data(contentsOf: url)
            contents[relative] = ContentType.isHTML(relative) ? html(bytes) : bytes
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
