@testable import BroadsheetSearch
import Foundation
import Testing

/// `PostingSplice` against postings written out by hand (Fixtures/posting-splice/cases.json,
/// in the base-32 text of docs/search-index.md); the patch tests compare it with whole builds.
@Suite("Posting splice")
struct PostingSpliceTests {
    struct Case: Decodable {
        struct Entry: Decodable {
            var doc: Int
            var tail: String
        }
        var name: String
        var kind: String
        var old: String
        var replaced: [Int]
        var added: [Entry]
        var expected: String?
    }

    static func cases() throws -> [Case] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/posting-splice/cases", withExtension: "json"))
        return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }

    @Test("each case gives the postings written out by hand")
    func splicedCases() throws {
        for item in try Self.cases() {
            let kind: PostingSplice.Kind = item.kind == "topic" ? .topic : item.kind == "positioned" ? .positioned : .unpositioned
            let spliced = PostingSplice.splice(Array(item.old.utf8)[...], kind: kind, replaced: Set(item.replaced),
                                               added: item.added.map { (doc: $0.doc, tail: Array($0.tail.utf8)[...]) })
            #expect(spliced.map { String(decoding: $0, as: UTF8.self) } == item.expected, "\(item.name)")
        }
    }

    @Test("a positioned key's own files join back into its postings")
    func joinedOwnFiles() {
        let joined = PostingSplice.joined(entries: Array("2432".utf8)[...], positions: Array("035".utf8)[...])
        #expect(joined.map { String(decoding: $0, as: UTF8.self) } == "2403325")
        #expect(PostingSplice.joined(entries: Array("2432".utf8)[...], positions: Array("03".utf8)[...]) == nil)
    }
}
