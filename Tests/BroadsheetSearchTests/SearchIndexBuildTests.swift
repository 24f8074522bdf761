import BroadsheetModel
@testable import BroadsheetSearch
import BroadsheetText
import Foundation
import Testing

@Suite("Search index build")
struct SearchIndexBuildTests {
    @Test("postings moved to a temporary file while indexing give the same files as postings kept in memory")
    func spilling() {
        let articles = FixtureCorpus.shared.articles
        var builder = SearchIndexBuilder()
        builder.targetShardBytes = 2048
        builder.ownFileBytes = 256
        let inMemory = builder.build(articles: articles)
        builder.postingMemoryLimit = 1
        #expect(builder.build(articles: articles) == inMemory)
    }

    @Test("articles streamed in uneven batches give the same files as one build")
    func streaming() throws {
        let articles = SearchIndexBuilder.ordered(FixtureCorpus.shared.articles)
        var builder = SearchIndexBuilder()
        builder.docsPerChunk = 3
        var streamed: [SearchIndexFile] = []
        let stream = SearchIndexStream(builder: builder) { streamed += $0 }
        var first = 0, size = 1
        while first < articles.count {
            try stream.add(Array(articles[first..<min(articles.count, first + size)]))
            first += size
            size += 1
        }
        try stream.finish()
        let built = builder.build(articles: articles.reversed())
        #expect(Dictionary(uniqueKeysWithValues: streamed.map { ($0.id, $0.json) }) == Dictionary(uniqueKeysWithValues: built.map { ($0.id, $0.json) }))
        #expect(streamed.count == built.count)
    }

    @Test("per-character normalisation gives SearchNormalizer's result, including text it must hand back")
    func scalarNormalizer() throws {
        let normalizer = SearchNormalizer()
        let fast = SearchScalarNormalizer.shared(for: normalizer)
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("normalization.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count > 5)
        for line in lines + FixtureCorpus.shared.articles.map(\.plainText) {
            var scalars: [UInt32] = []
            fast.normalize(line, into: &scalars)
            #expect(scalars == normalizer.normalize(line).unicodeScalars.map(\.value), "\(line.prefix(40))")
        }
    }
}
