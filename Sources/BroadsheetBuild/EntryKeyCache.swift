import BroadsheetModel
import Foundation

/// Each article's list-entry hash (`ArticleKeys.entries`) by its record hash, from the previous
/// build (`.broadsheet-cache/entries.bin`), so that a rebuild makes the excerpts of the changed
/// articles only. A record hash stands for the whole article under one tool and configuration,
/// so the file is used only when both are the ones it was written with.
///
/// File: "BSENTRY1", the content hash of the rest (32 ASCII hex digits), the tool and
/// configuration hashes (32 each), the entry count (UInt32 LE), then per entry the record hash and
/// the entry hash (32 each). A file that is short, long or does not match its hash is ignored.
enum EntryKeyCache {
    static let path = "\(BuildCache.folder)/entries.bin"
    private static let magic = Array("BSENTRY1".utf8)
    private static let width = 32

    /// The entry hashes of `site`'s cache, by record hash; empty when there are none to trust.
    static func read(site: URL?, keys: BuildKeys?) -> [String: String] {
        guard let site, let keys, let data = try? Data(contentsOf: site.appendingPathComponent(path)) else { return [:] }
        return decode([UInt8](data), keys: keys) ?? [:]
    }

    static func decode(_ bytes: [UInt8], keys: BuildKeys) -> [String: String]? {
        let body = magic.count + width
        guard bytes.count >= body + 2 * width + 4, bytes.starts(with: magic) else { return nil }
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[body...])) }
        func text(_ at: Int) -> String { String(decoding: bytes[at..<at + width], as: UTF8.self) }
        guard text(magic.count) == hash.hex, text(body) == keys.tool, text(body + width) == keys.config else { return nil }
        var at = body + 2 * width
        let count = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        at += 4
        guard bytes.count - at == count * 2 * width else { return nil }
        var entries: [String: String] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            entries[text(at)] = text(at + width)
            at += 2 * width
        }
        return entries
    }

    static func encode(records: [String], entries: [String], keys: BuildKeys) -> Data {
        var rest: [UInt8] = Array(keys.tool.utf8) + Array(keys.config.utf8)
        withUnsafeBytes(of: UInt32(records.count).littleEndian) { rest += $0 }
        for (record, entry) in zip(records, entries) {
            rest += Array(record.utf8)
            rest += Array(entry.utf8)
        }
        var hash = ContentHash()
        rest.withUnsafeBytes { hash.update($0) }
        return Data(magic + Array(hash.hex.utf8) + rest)
    }
}
