import BroadsheetModel
import Foundation

/// What ingest and classify made of one input file, kept so that an unchanged file is not read
/// or parsed again.
public struct IngestRecord: Codable, Sendable {
    public var path: String
    /// Content hash of the file's bytes.
    public var hash: String
    /// Classified articles, before slugs are assigned (slugs depend on the other files).
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
}

/// The incremental-build cache, a hidden folder inside the output (`public/.broadsheet-cache/`),
/// so it is swapped in with the site it describes and can never disagree with it:
/// `manifest.tsv` (see BuildManifest), `diagnostics.bin` (for an up-to-date build's summary) and
/// `ingest/NN.bin`, the ingest records (IngestRecordCodec) in `segments` files by a hash of the input path.
public enum BuildCache {
    public static let folder = ".broadsheet-cache"
    static let segments = 64

    static func manifestURL(in site: URL) -> URL { site.appendingPathComponent("\(folder)/manifest.tsv") }
    static let diagnosticsPath = "\(folder)/diagnostics.bin"
    static func diagnosticsURL(in site: URL) -> URL { site.appendingPathComponent(diagnosticsPath) }
    static func segmentPath(_ segment: Int) -> String { "\(folder)/ingest/\(String(format: "%02d", segment)).bin" }

    static func segment(of path: String) -> Int {
        var hash = ContentHash()
        hash.update(path)
        return Int(UInt64(hash.hex.prefix(8), radix: 16)! % UInt64(segments))
    }

    /// The previous build's manifest, or nil (no site yet, or written by another version).
    public static func manifest(in site: URL) -> BuildManifest? {
        let url = manifestURL(in: site)
        var info = stat()
        guard stat(url.path, &info) == 0, let data = try? Data(contentsOf: url) else { return nil }
        let started = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return data.withUnsafeBytes { BuildManifest.parse(bytes: $0.bindMemory(to: UInt8.self), started: started) }
    }

    /// Sets the written manifest's modification time to the build's start (see BuildManifest.started).
    static func stampManifest(in site: URL, started: Int64) {
        var times = [timespec(tv_sec: Int(started / 1_000_000_000), tv_nsec: Int(started % 1_000_000_000)),
                     timespec(tv_sec: Int(started / 1_000_000_000), tv_nsec: Int(started % 1_000_000_000))]
        _ = utimensat(AT_FDCWD, manifestURL(in: site).path, &times, 0)
    }

    public static func diagnostics(in site: URL) -> [Diagnostic]? {
        guard let data = try? Data(contentsOf: diagnosticsURL(in: site)) else { return nil }
        return try? IngestRecordCodec.decode(diagnostics: data)
    }

    /// Every ingest record of the previous build, keyed by input path (segments decoded in parallel).
    static func records(in site: URL) -> [String: IngestRecord] {
        let decoded = Parallel.map(segments) { segment -> [IngestRecord] in
            // Mapped, not read: the decoder copies the bytes once anyway (a read was a second copy).
            guard let data = MappedFile.data(at: site.appendingPathComponent(segmentPath(segment))) else { return [] }
            return (try? IngestRecordCodec.decode(data)) ?? []
        }
        var byPath: [String: IngestRecord] = [:]
        for record in decoded.joined() { byPath[record.path] = record }
        return byPath
    }

    /// The segment files for `records`; a segment whose records all came unchanged from the
    /// previous build is linked from it instead of encoded again (`reusable`).
    static func segmentFiles(_ records: [IngestRecord], fresh: Set<String>, previousPaths: Set<String>) -> [(path: String, records: [IngestRecord], reusable: Bool)] {
        var grouped = [[IngestRecord]](repeating: [], count: segments)
        for record in records { grouped[segment(of: record.path)].append(record) }
        var previousCount = [Int](repeating: 0, count: segments)
        for path in previousPaths { previousCount[segment(of: path)] += 1 }
        return grouped.enumerated().map { segment, records in
            let unchanged = records.allSatisfy { !fresh.contains($0.path) && previousPaths.contains($0.path) }
                && records.count == previousCount[segment]
            return (segmentPath(segment), records.sorted { $0.path < $1.path }, unchanged)
        }
    }
}
