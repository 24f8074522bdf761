import Foundation

/// Postings moved out of memory while a large site is indexed: each flush writes the pending
/// bytes of every key to a temporary file, grouped by the key's bucket (the low bits of its
/// shard hash), so that the files of one group of shards later read back as one run per flush.
final class PostingSpill: @unchecked Sendable {
    static let bucketBits = 6
    static let buckets = 1 << bucketBits
    let url: URL
    private let fd: Int32
    private var end: Int64 = 0
    /// Per flush, the file offset where each bucket's records start (and one past the last).
    private(set) var flushes: [[Int64]] = []

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-postings-\(getpid())-\(UUID().uuidString)")
        fd = open(url.path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        // Unlinked at once: the file lives while it is open and never outlives the process.
        unlink(url.path)
    }

    deinit { close(fd) }

    var isUsable: Bool { fd >= 0 }

    /// Appends one flush, bucket by bucket: `records(b)` gives bucket b's records, each
    /// `term (Int32) · length (UInt32) · bytes`.
    func write(_ records: (Int) -> [UInt8]) {
        var starts: [Int64] = []
        for bucket in 0..<Self.buckets {
            starts.append(end)
            let buffer = records(bucket)
            var written = 0
            buffer.withUnsafeBytes { raw in
                while written < raw.count {
                    let n = pwrite(fd, raw.baseAddress! + written, raw.count - written, off_t(end) + off_t(written))
                    if n <= 0 { break }
                    written += n
                }
            }
            end += Int64(buffer.count)
        }
        starts.append(end)
        flushes.append(starts)
    }

    /// Every record of `bucket`, over all flushes in order: (term, bytes) pairs, via `body`.
    func read(bucket: Int, _ body: (Int32, UnsafeBufferPointer<UInt8>) -> Void) {
        for flush in flushes {
            let start = flush[bucket], count = Int(flush[bucket + 1] - start)
            guard count > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: count)
            _ = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(start)) }
            buffer.withUnsafeBufferPointer { bytes in
                var i = 0
                while i + 8 <= count {
                    let term = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: Int32.self)
                    let length = Int(UnsafeRawPointer(bytes.baseAddress! + i + 4).loadUnaligned(as: UInt32.self))
                    body(term, UnsafeBufferPointer(rebasing: bytes[(i + 8)..<(i + 8 + length)]))
                    i += 8 + length
                }
            }
        }
    }
}
