import BroadsheetModel
import BroadsheetSearch
import Foundation
import Testing

/// The browser engine (Templates/assets/search.js, run by node) and the Swift engine give the same
/// results in the same order with the same scores, from the same written index files.
@Suite("Swift and JavaScript engines agree")
struct SearchParityTests {
    struct Query: Codable {
        var query: String
        var topic: String?
        var year: Int?
        var limit: Int?
    }

    struct NodeResult: Codable, Equatable {
        var url: String
        var title: String
        var date: String?
        var topics: [String]
        var score: Double
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func queries() -> [Query] {
        let corpus = FixtureCorpus.shared
        let phrases = corpus.samplePhrases(count: 120, seed: 23)
        var queries = phrases.map { Query(query: $0) }
        queries += corpus.sampleTokens().map { Query(query: $0) }
        for i in stride(from: 0, to: 40, by: 2) {
            queries.append(Query(query: "\(phrases[i]) \(phrases[i + 1])"))
            queries.append(Query(query: "\(phrases[i]) -\(phrases[i + 1])", limit: 5))
        }
        queries += ["就業", "“就业岗位”", "A股", "ＧＤＰ", "5G网络", "就业 -岗位", "发展", "中国 发展"].map { Query(query: $0) }
        queries += [Query(query: "发展", topic: "employment"), Query(query: "就业", year: 2019, limit: 3),
                    Query(query: "就业", year: 2020), Query(query: "发展", topic: "ecology", limit: 7)]
        return queries
    }

    @Test("node running search.js returns the Swift engine's results for every query")
    func parity() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Small shards and a low own-file threshold, so both engines read every kind of file.
        var builder = SearchIndexBuilder(topics: [.init(id: "employment", name: "就业"), .init(id: "ecology", name: "生态环境")])
        builder.targetShardBytes = 4096
        builder.ownFileBytes = 512
        let index = builder.build(articles: FixtureCorpus.shared.articles)
        #expect(index.contains { $0.id.hasSuffix("-pos") } && index.contains { $0.id.hasPrefix("x/") })
        for file in SearchIndexWriter().files(for: index) {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.bytes.write(to: url)
        }
        let queries = queries()
        let queryFile = folder.appendingPathComponent("queries.json")
        try JSONEncoder().encode(queries).write(to: queryFile)

        let engine = try SearchEngine(store: DirectorySearchIndexStore(site: folder))
        let expected = try queries.map { q in
            try engine.search(q.query, topic: q.topic, year: q.year, limit: q.limit).map {
                NodeResult(url: $0.url, title: $0.title, date: $0.date, topics: $0.topics, score: $0.score)
            }
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", Self.packageRoot.appendingPathComponent("Tests/js/run-queries.js").path, folder.path, queryFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "node must be installed and run-queries.js must succeed")
        let actual = try JSONDecoder().decode([[NodeResult]].self, from: data)
        #expect(actual.count == queries.count)
        var mismatches: [String] = []
        for (i, q) in queries.enumerated() where i < actual.count && actual[i] != expected[i] { mismatches.append(q.query) }
        #expect(mismatches.isEmpty, "queries answered differently: \(mismatches.prefix(10))")
        #expect(expected.contains { $0.count > 5 }, "the query set has queries with many results")
    }
}
