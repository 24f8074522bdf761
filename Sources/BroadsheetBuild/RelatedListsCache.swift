import BroadsheetModel
import BroadsheetRender
import Foundation

/// The related lists of the previous build (`.broadsheet-cache/related.bin`), reused when
/// nothing they depend on changed.
///
/// The lists are a function of each article's `RelatedArticles.text(of:)` (title and first
/// paragraph) and rank, in display order, and of the parameters and the code; the key hashes
/// exactly those, so equal keys mean equal lists. An edit below an article's first paragraph
/// leaves the key alone and skips the whole-site computation.
///
/// File: "BSRELAT1", the key (32 ASCII hex digits), the article count (UInt32), then per article
/// its list length (UInt8) and the indices into the display order (UInt32 each), little-endian.
final class RelatedListsCache: @unchecked Sendable {
    static let path = "\(BuildCache.folder)/related.bin"
    private static let magic = Array("BSRELAT1".utf8)

    let related: RelatedArticles
    /// The previous site, when its cache may be read (same tool and configuration).
    let previousSite: URL?
    let staging: StagingFolder?
    let tool: String
    /// Whether the last `lists(for:)` took the lists from the previous build.
    private(set) var reused = false

    init(related: RelatedArticles = RelatedArticles(), previousSite: URL?, staging: StagingFolder?, tool: String) {
        self.related = related
        self.previousSite = previousSite
        self.staging = staging
        self.tool = tool
    }

    /// The cache of a pipeline build: read only when the previous build's cache is trusted.
    convenience init(_ context: BuildContext) {
        self.init(previousSite: context.previous == nil ? nil : context.options.output, staging: context.staging,
                  tool: context.keys?.tool ?? "")
    }

    /// The related lists of `ordered`, from the previous build when its key is this one's,
    /// else computed; either way recorded in the staging folder for the next build.
    func lists(for ordered: [Article]) throws -> [[Int]] {
        let texts = Parallel.map(ordered.count) { RelatedArticles.text(of: ordered[$0]) }
        let ranks = RelatedArticles.ranks(of: ordered)
        let key = Self.key(texts: texts, ranks: ranks, related: related, tool: tool)
        if let site = previousSite, let data = try? Data(contentsOf: site.appendingPathComponent(Self.path)),
           let lists = Self.decode(data, key: key, count: ordered.count) {
            reused = true
            if let staging, !staging.reuse(Self.path) { try staging.writeUncounted([OutputFile(path: Self.path, bytes: data)]) }
            return lists
        }
        reused = false
        let lists = related.relatedIndices(texts: texts, ranks: ranks)
        try staging?.writeUncounted([OutputFile(path: Self.path, bytes: Self.encode(lists, key: key))])
        return lists
    }

    static func key(texts: [String], ranks: [Int], related: RelatedArticles, tool: String) -> String {
        var hash = ContentHash()
        hash.update("related lists 1")
        hash.update(tool)
        hash.update("\(related.maximum) \(related.commonShare) \(related.walkLimit) \(related.candidateLimit) \(texts.count)")
        for (text, rank) in zip(texts, ranks) {
            hash.update(text)
            hash.update("\(rank)")
        }
        return hash.hex
    }

    static func encode(_ lists: [[Int]], key: String) -> Data {
        var bytes = magic + Array(key.utf8)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(UInt32(lists.count))
        for list in lists {
            bytes.append(UInt8(list.count))
            for index in list { append(UInt32(index)) }
        }
        return Data(bytes)
    }

    /// The lists in `data` when it is a whole file for `key` and `count` articles, else nil.
    static func decode(_ data: Data, key: String, count: Int) -> [[Int]]? {
        let bytes = [UInt8](data)
        let header = magic + Array(key.utf8)
        guard bytes.count >= header.count + 4, bytes.starts(with: header) else { return nil }
        var offset = header.count
        func read() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
        guard read() == count else { return nil }
        var lists: [[Int]] = []
        lists.reserveCapacity(count)
        for _ in 0..<count {
            guard offset < bytes.count else { return nil }
            let length = Int(bytes[offset])
            offset += 1
            var list: [Int] = []
            for _ in 0..<length {
                guard let index = read(), index < count else { return nil }
                list.append(index)
            }
            lists.append(list)
        }
        return offset == bytes.count ? lists : nil
    }
}
