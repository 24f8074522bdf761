import BroadsheetModel
import BroadsheetSearch
import Foundation

/// Writes this build's search-index records (format: `IndexRecordCache`) into the staging
/// folder's cache as the index makes them, in doc order, so they are never all held. A file ends
/// after a record whose key ends in `00` (or at `maxRecords`): its bounds depend on the keys
/// alone, so an edited, added or removed article changes only the file around it, and a file with
/// the same keys as one of the previous build's is linked from it instead of written.
final class IndexRecordWriter {
    static let maxRecords = 1024

    struct Entry {
        var key: String
        var record: SearchDocumentRecord
    }

    let staging: StagingFolder
    let previous: IndexRecordCache
    private var pending: [Entry] = []
    private(set) var filesWritten = 0
    private(set) var filesLinked = 0

    init(staging: StagingFolder, previous: IndexRecordCache) {
        self.staging = staging
        self.previous = previous
    }

    /// Adds the next docs' records, writing every file they complete.
    func add(_ entries: [Entry]) throws {
        pending += entries
        var files: [ArraySlice<Entry>] = []
        var start = 0
        for (i, entry) in pending.enumerated() where entry.key.hasSuffix("00") || i + 1 - start == Self.maxRecords {
            files.append(pending[start...i])
            start = i + 1
        }
        try write(files)
        pending.removeFirst(start)
    }

    /// Writes the last file.
    func finish() throws {
        if !pending.isEmpty { try write([pending[...]]) }
        pending = []
    }

    private func write(_ files: [ArraySlice<Entry>]) throws {
        let made = Parallel.map(files.count) { i -> OutputFile? in
            let entries = files[i]
            var name = ContentHash()
            for entry in entries { name.update(entry.key) }
            let path = "\(IndexRecordCache.folder)/\(name.hex).bin"
            if previous.canReuse(name.hex), staging.reuse(path) { return nil }
            return OutputFile(path: path, bytes: Data(encode(entries)))
        }
        let written = made.compactMap { $0 }
        try staging.writeUncounted(written)
        filesWritten += written.count
        filesLinked += made.count - written.count
    }

    private func encode(_ entries: ArraySlice<Entry>) -> [UInt8] {
        var bodies: [UInt8] = []
        var out = IndexRecordCache.magic
        func uint32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out += $0 } }
        uint32(entries.count)
        for entry in entries {
            let start = bodies.count
            bodies += entry.record.bytes
            var hash = ContentHash()
            entry.record.bytes.withUnsafeBytes { hash.update($0) }
            out += Array(entry.key.utf8)
            out += Array(hash.hex.utf8)
            uint32(bodies.count - start)
        }
        return out + bodies
    }
}
