@testable import BroadsheetSearch
import Foundation
import Testing

/// The doc chunks keep the first `excerptTextLimit` characters (grapheme clusters) of the body;
/// the fast path that counts scalars must cut exactly where counting characters cuts.
@Suite("Excerpt cut")
struct ExcerptCutTests {
    /// Blocks of mixed scripts (a JSON array, so that the escapes survive editors): plain Chinese, combining accents, Hangul, a variation selector,
    /// flags and ZWJ emoji, CR LF, combining kana.
    static func blocks() throws -> [String] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/excerpts/blocks", withExtension: "json"))
        return try JSONDecoder().decode([String].self, from: Data(contentsOf: url))
    }

    /// `cut` as it was written before the fast path: by `Character`.
    static func cutByCharacters(_ blocks: [String], limit: Int) -> (kept: [String], rest: [String]) {
        var kept: [String] = [], rest: [String] = []
        var remaining = limit
        for block in blocks {
            if remaining <= 0 { rest.append(block); continue }
            if block.count <= remaining { kept.append(block) } else {
                kept.append(String(block.prefix(remaining)))
                rest.append(String(block.dropFirst(remaining)))
            }
            remaining -= block.count
        }
        return (kept, rest)
    }

    @Test("cutting at every limit gives the same excerpt and rest as cutting by characters")
    func sameAsCharacters() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count == 7)
        let total = blocks.reduce(0) { $0 + $1.count }
        for limit in 0...(total + 1) {
            let fast = SearchIndexBuilder.cut(blocks, limit: limit), reference = Self.cutByCharacters(blocks, limit: limit)
            #expect(fast.kept == reference.kept, "limit \(limit)")
            #expect(fast.rest == reference.rest, "limit \(limit)")
        }
    }

    @Test("only text whose scalars cannot join is counted by scalars")
    func simpleText() throws {
        let blocks = try Self.blocks()
        #expect(SearchIndexBuilder.scalarsAreCharacters(blocks[0]))
        for block in blocks.dropFirst() { #expect(!SearchIndexBuilder.scalarsAreCharacters(block), "\(block)") }
    }
}
