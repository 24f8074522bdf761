import BroadsheetModel
import BroadsheetSearch
import Foundation

/// The previous build's search-index records (`SearchDocumentRecord`), so that an unchanged
/// article is not tokenized again. Each record is keyed by a content hash of exactly what the
/// index reads from its article (`SearchDocumentRecord.indexedFields`) and of the builder's
/// `recordSalt`; doc ids are not part of a record, so articles may move freely between builds.
///
/// Records live in `.broadsheet-cache/index/<name>.bin`, files of consecutive docs
/// (`IndexRecordWriter`), each: `BSIX` and a version byte, the record count (UInt32 LE), per
/// record its 32-character key, the 32-character content hash of its bytes and its byte length
/// (UInt32 LE), then the records' bytes. The files are mapped, not read, so only the records a
/// build uses are paged in; a record whose bytes do not match their hash is not used.
final class IndexRecordCache: @unchecked Sendable {
    static let folder = BuildCache.folder + "/index"
    static let magic: [UInt8] = Array("BSIX".utf8) + [2]
    static let keyLength = 32
    static let headerLength = 2 * keyLength + 4

    /// Index in `files` of each of the previous build's record files, by name (`<name>.bin`).
    private let fileIndex: [String: Int]
    private let files: [Data]
    /// Files holding a record that failed its check: not to be linked into the next cache.
    private var damaged: Set<Int> = []
    private let lock = NSLock()
    private let entries: [String: Stored]
    private let salted: ContentHash

    /// The records in `site`'s cache folder; none when `site` is nil or has none.
    init(site: URL?, salt: String) {
        var hash = ContentHash()
        hash.update(salt)
        salted = hash
        let folder = site?.appendingPathComponent(Self.folder)
        let listed = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        let names = listed.filter { $0.hasSuffix(".bin") }.sorted()
        let mapped = Parallel.map(names.count) { i in
            MappedFile.data(at: folder!.appendingPathComponent(names[i]))
        }
        var files: [Data] = [], entries: [String: Stored] = [:]
        var kept: [String: Int] = [:]
        for (name, data) in zip(names, mapped) {
            guard let data, let index = Self.parse(data) else { continue }
            for (key, hash, offset, count) in index { entries[key] = Stored(file: files.count, offset: offset, count: count, hash: hash) }
            files.append(data)
            kept[String(name.dropLast(4))] = files.count - 1
        }
        fileIndex = kept
        self.files = files
        self.entries = entries
    }

    /// The key of the article's record.
    func key(of article: Article) -> String {
        var hash = salted
        SearchDocumentRecord.indexedFields(of: article) { field in
            if let field {
                hash.update(byte: 1)
                hash.update(field)
            } else {
                hash.update(byte: 0)
            }
        }
        return hash.hex
    }

    /// Where a record is stored: its file and byte range there.
    private struct Stored {
        var file: Int
        var offset: Int
        var count: Int
        var hash: String
    }

    /// The stored record with this key; nil when there is none (or it is damaged).
    func record(_ key: String) -> SearchDocumentRecord? {
        guard let stored = entries[key] else { return nil }
        let record = files[stored.file].withUnsafeBytes { raw in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[stored.offset..<stored.offset + stored.count])
            var hash = ContentHash()
            hash.update(bytes)
            return hash.hex == stored.hash ? SearchDocumentRecord(decoding: bytes) : nil
        }
        if record == nil {
            lock.lock()
            damaged.insert(stored.file)
            lock.unlock()
        }
        return record
    }

    /// Lets the kernel drop the pages of the record files read so far from this process's
    /// resident set: a rebuild that reads every record (100,000 articles: ~850 MB of files) would
    /// otherwise count them all in its peak. The files stay mapped; a later read pages back in
    /// from the page cache.
    func releasePages() {
        for file in files { MappedFile.releasePages(file) }
    }

    /// True when the previous build wrote a record file of this name and none of the records
    /// read from it was damaged. (A writer asks once every record of the file was looked up.)
    func canReuse(_ name: String) -> Bool {
        guard let file = fileIndex[name] else { return false }
        lock.lock()
        defer { lock.unlock() }
        return !damaged.contains(file)
    }

    /// Each record's key, content hash, offset and length in a record file; nil when it is not one.
    static func parse(_ data: Data) -> [(String, String, Int, Int)]? {
        data.withUnsafeBytes { raw -> [(String, String, Int, Int)]? in
            guard raw.count >= magic.count + 4, raw.prefix(magic.count).elementsEqual(magic) else { return nil }
            func uint32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
            func text(_ at: Int) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + keyLength]), as: UTF8.self) }
            let count = uint32(magic.count)
            var at = magic.count + 4
            guard count <= raw.count / headerLength else { return nil }
            var offset = at + count * headerLength
            guard offset <= raw.count else { return nil }
            var index: [(String, String, Int, Int)] = []
            index.reserveCapacity(count)
            for _ in 0..<count {
                let length = uint32(at + 2 * keyLength)
                guard length <= raw.count - offset else { return nil }
                index.append((text(at), text(at + keyLength), offset, length))
                offset += length
                at += headerLength
            }
            return offset == raw.count ? index : nil
        }
    }
}
