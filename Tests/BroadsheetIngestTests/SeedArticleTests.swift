import BroadsheetIngest
import BroadsheetModel
import Foundation
import Testing

/// One article of a seed as a careful editor reads it (written from reading the seeds, not from
/// the tool's output).
struct SeedExpectation: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    var titleGenerated: Bool
    var kicker: String?
    var subtitle: String?
    var first: String
    var last: String
    var date: String?
    /// Position among the file's articles, filled from the order of the expectations file.
    var index = 0

    enum CodingKeys: String, CodingKey { case file, title, titleGenerated, kicker, subtitle, first, last, date }

    var testDescription: String { "\(file.prefix(3)) #\(index + 1) \(title)" }

    static let all: [SeedExpectation] = {
        guard let data = try? FixtureLoader.data("seeds/expectations.json"),
              var list = try? JSONDecoder().decode([SeedExpectation].self, from: data) else { return [] }
        var counts: [String: Int] = [:]
        for i in list.indices {
            list[i].index = counts[list[i].file, default: 0]
            counts[list[i].file, default: 0] += 1
        }
        return list
    }()
}

@Suite("Seeds: every article as an editor would have typed it")
struct SeedArticleTests {
    @Test("the expectations file loads")
    func expectationsLoad() {
        #expect(SeedExpectation.all.count == 19)
    }

    @Test("each seed yields exactly the expected articles, in order", arguments: Set(SeedExpectation.all.map(\.file)).sorted())
    func articleCount(file: String) throws {
        let result = try FixtureLoader.ingest("seeds/" + file)
        let expected = SeedExpectation.all.filter { $0.file == file }.map(\.title)
        #expect(result.articles.map(\.title) == expected)
    }

    @Test("title, kicker, deck, first and last sentence, date", arguments: SeedExpectation.all)
    func article(_ expected: SeedExpectation) throws {
        let result = try FixtureLoader.ingest("seeds/" + expected.file)
        try #require(result.articles.count > expected.index)
        let article = result.articles[expected.index]
        #expect(article.title == expected.title)
        #expect(article.titleGenerated == expected.titleGenerated)
        #expect(article.kicker == expected.kicker)
        #expect(article.subtitle == expected.subtitle)
        let texts = FixtureLoader.storyTexts(article)
        #expect(texts.first?.hasPrefix(expected.first) == true, "first: \(texts.first ?? "")")
        #expect(texts.last?.hasSuffix(expected.last) == true, "last: \(texts.last ?? "")")
        let date = article.date.map { $0.iso ?? $0.partial }
        #expect(date == expected.date)
    }
}
