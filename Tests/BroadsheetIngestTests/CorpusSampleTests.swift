import BroadsheetIngest
import BroadsheetModel
import Foundation
import Testing

/// One corpus file's expected reading, derived from the corpus layout (line 1 kicker, line 2 title,
/// line 3 subtitle, one indented line per paragraph) and the file name.
struct CorpusExpectation: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var kicker: String?
    var title: String
    var subtitle: String?
    var column: String?
    var date: String
    var page: String
    var blocks: Int

    var testDescription: String { file }

    static let all: [CorpusExpectation] = {
        guard let data = try? FixtureLoader.data("corpus/expectations.json") else { return [] }
        return (try? JSONDecoder().decode([CorpusExpectation].self, from: data)) ?? []
    }()
}

@Suite("Corpus: one article per file as e-paper sites serve it")
struct CorpusSampleTests {
    @Test("the sample holds twenty files")
    func sampleSize() { #expect(CorpusExpectation.all.count == 20) }

    @Test("kicker, title, subtitle, column, date and page from the layout and file name; one block per paragraph line",
          arguments: CorpusExpectation.all)
    func article(_ expected: CorpusExpectation) throws {
        let result = try FixtureLoader.ingest("corpus/" + expected.file)
        #expect(result.articles.count == 1)
        let article = try #require(result.articles.first)
        #expect(article.kicker == expected.kicker)
        #expect(article.title == expected.title)
        #expect(article.subtitle == expected.subtitle)
        #expect(article.column == expected.column)
        #expect(article.date?.iso == expected.date)
        #expect(article.page == expected.page)
        #expect(article.body.count == expected.blocks)
        #expect(!article.titleGenerated)
        #expect(result.diagnostics.allSatisfy { $0.severity != .error })
    }
}
