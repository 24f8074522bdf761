import BroadsheetModel

/// What the index takes from one article, independent of every other article, so that a build
/// can keep it per article and reuse it when the article is unchanged: the article's keys with
/// their encoded entries (made by `SearchDocumentTokenizer`) and the pieces of its doc-chunk JSON
/// that do not depend on its doc id (made by `SearchIndexBuilder.describe`). Topic markers are
/// not here: they come from the article's topics when it is added.
///
/// The record is its bytes, held as they are cached: a version byte, the number of single keys
/// and of pair keys, then six length-prefixed blocks:
/// - words: the document's words (length-prefixed UTF-8), by local index;
/// - keys: each single key's unit (a Han scalar × 2, or a local word index × 2 + 1), then each
///   pair key's two units as indexes of single keys (zig-zag deltas: first from the previous
///   pair's first, second from its own first); after each key, its entry's length in `tails`;
/// - tails: the keys' entries without their doc delta (`tf × 2 + h`, `head`, positions);
/// - docHead: the doc's JSON object up to where `"more"` goes (`{`, date, kicker);
/// - docTail: the rest of the object, subtitle to closing `}`;
/// - rest: the JSON array of body text beyond the excerpt (the `x/N` text); empty when none.
public struct SearchDocumentRecord: Sendable, Equatable {
    public private(set) var bytes: [UInt8]
    private(set) var singles = 0
    private(set) var pairs = 0
    private(set) var words: Range<Int> = 0..<0
    private(set) var keys: Range<Int> = 0..<0
    private(set) var tails: Range<Int> = 0..<0
    private(set) var docHead: Range<Int> = 0..<0
    private(set) var docTail: Range<Int> = 0..<0
    private(set) var rest: Range<Int> = 0..<0

    /// Format of `bytes`; `init(decoding:)` takes no other.
    public static let formatVersion: UInt8 = 2

    /// The keys part, as the tokenizer makes it.
    struct Keys {
        var singles = 0
        var pairs = 0
        var words: [UInt8] = []
        var keys: [UInt8] = []
        var tails: [UInt8] = []
    }

    /// The doc-chunk part, as `SearchIndexBuilder.describe` makes it.
    struct Display {
        var docHead: [UInt8] = []
        var docTail: [UInt8] = []
        var rest: [UInt8] = []
    }

    init(_ keys: Keys, _ display: Display) {
        var out = SearchRecordBytes.Writer(capacity: keys.words.count + keys.keys.count + keys.tails.count
            + display.docHead.count + display.docTail.count + display.rest.count + 32)
        out.byte(Self.formatVersion)
        out.count(keys.singles)
        out.count(keys.pairs)
        for block in [keys.words, keys.keys, keys.tails, display.docHead, display.docTail, display.rest] { out.block(block) }
        self.init(checked: out.bytes)!
    }

    init() { bytes = [] }

    /// Takes cached bytes; nil when they are not a whole record of this format.
    public init?(decoding bytes: UnsafeRawBufferPointer) {
        self.init(checked: Array(bytes))
    }

    private init?(checked bytes: [UInt8]) {
        self.bytes = bytes
        let valid = bytes.withUnsafeBytes { raw -> Bool in
            var input = SearchRecordBytes.Reader(raw)
            guard input.byte() == Self.formatVersion else { return false }
            singles = input.count()
            pairs = input.count()
            words = input.blockRange()
            keys = input.blockRange()
            tails = input.blockRange()
            docHead = input.blockRange()
            docTail = input.blockRange()
            rest = input.blockRange()
            return input.isValid && input.atEnd && singles <= bytes.count && pairs <= bytes.count
        }
        // The keys block is not walked here: a cache checks its bytes against their hash, and
        // `SearchDocumentKeys` reads a damaged block without trapping.
        guard valid else { return nil }
    }

    /// Runs `body` over a block's bytes; false when it read past the block or called `fail`.
    func withBlock(_ block: Range<Int>, _ body: (inout SearchRecordBytes.Reader) -> Void) -> Bool {
        bytes.withUnsafeBytes { raw in
            var input = SearchRecordBytes.Reader(UnsafeRawBufferPointer(rebasing: raw[block]))
            body(&input)
            return input.isValid
        }
    }

    static func zigzag(_ value: Int) -> Int { (value << 1) ^ (value >> 63) }
    static func unzigzag(_ value: Int) -> Int { (value >> 1) ^ -(value & 1) }

    /// Hands `field` every value of the article that its record depends on, in a fixed order,
    /// nil for an absent optional: a cache keys records by these (and the builder's `recordSalt`).
    public static func indexedFields(of article: Article, _ field: (String?) -> Void) {
        field(article.date?.iso)
        field(article.kicker)
        field(article.title)
        field(article.subtitle)
        field(article.slug)
        field(String(article.topics.count))
        for topic in article.topics { field(topic) }
        field(String(article.body.count))
        for block in article.body { field(block.plainText) }
    }
}
