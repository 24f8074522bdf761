import BroadsheetModel
import BroadsheetSearch
import Foundation
import Testing

@Suite("Search index format")
struct SearchIndexFormatTests {
    @Test("posting numbers survive encoding, one character below 32, two below 1024")
    func codecRoundTrip() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 1_000_000, 7]
        var bytes: [UInt8] = []
        for n in numbers { PostingCodec.append(n, to: &bytes) }
        #expect(PostingCodec.decode(String(decoding: bytes, as: UTF8.self)) == numbers)
        var one: [UInt8] = []
        PostingCodec.append(31, to: &one)
        PostingCodec.append(1023, to: &one)
        #expect(one.count == 3)
        #expect(PostingCodec.decode("A_") == nil, "a number cut short is an error")
    }

    @Test("the tokenizer gives Han characters and words positions, and separators a gap")
    func tokenizer() {
        let units = SearchTokenizer().units("就业 5g，gdp增长")
        #expect(units.map(\.text) == ["就", "业", "5g", "gdp", "增", "长"])
        #expect(units.map(\.position) == [0, 1, 3, 5, 6, 7])
        let keys = SearchTokenizer().indexKeys(units).map(\.key)
        #expect(keys.contains("就业") && keys.contains("gdp增") && !keys.contains("业5g"))
        #expect(SearchTokenizer().coverKeys(SearchTokenizer().units("就业岗位")).map(\.key) == ["就业", "岗位"])
        #expect(SearchTokenizer().coverKeys(SearchTokenizer().units("乡村振兴战略")).map(\.offset) == [0, 2, 4])
        #expect(SearchTokenizer().coverKeys(SearchTokenizer().units("a股")).map(\.key) == ["a股"])
        #expect(SearchTokenizer().coverKeys(SearchTokenizer().units("x光机 5g")).map(\.key) == ["x", "光机", "5g"])
        #expect(SearchTokenizer().coverKeys(SearchTokenizer().units("维生素c")).map(\.key) == ["维生", "生素", "c"])
    }

    @Test("the manifest is versioned, every posting shard and doc chunk exists, twins register their data")
    func layout() throws {
        let files = FixtureCorpus.shared.index
        let manifest = try JSONDecoder().decode(SearchIndexManifest.self, from: files[0].json)
        #expect(files[0].id == "index" && manifest.format == "broadsheet-search" && manifest.version == 3)
        let ids = Set(files.map(\.id))
        for shard in 0..<manifest.postingShards { #expect(ids.contains("p/\(shard)")) }
        for doc in 0..<manifest.docCount { #expect(ids.contains(SearchIndexLayout.chunkID(for: doc, docsPerChunk: manifest.docsPerChunk))) }
        #expect(manifest.fold.unicodeScalars.count % 2 == 0 && manifest.fold.contains("業业"))
        let outputs = SearchIndexWriter().files(for: files)
        #expect(outputs.count == files.count + 1, "scripts for every file, JSON for the manifest only")
        let shard = try #require(outputs.first { $0.path == "search/p/0.js" })
        #expect(SearchIndexWriter.json(inScript: shard.bytes, id: "p/0") == files.first { $0.id == "p/0" }?.json)
        let twin = String(decoding: outputs.first { $0.path == "search-index.js" }!.bytes, as: UTF8.self)
        #expect(twin.contains(".register(\"index\",{") && twin.hasSuffix(");\n"))
    }

    @Test("a large site splits postings into several shards and large keys into their own files")
    func sharding() throws {
        var builder = SearchIndexBuilder()
        builder.targetShardBytes = 2048
        builder.ownFileBytes = 256
        let files = builder.build(articles: FixtureCorpus.shared.articles)
        let manifest = try JSONDecoder().decode(SearchIndexManifest.self, from: files[0].json)
        #expect(manifest.postingShards > 8)
        #expect(files.contains { $0.id.hasPrefix("p/") && $0.id.contains("-") })
        let small = try SearchEngine(store: MemorySearchIndexStore(files: files))
        let normal = try SearchEngine(store: MemorySearchIndexStore(files: FixtureCorpus.shared.index))
        for query in ["就业", "发展 -中国", "5G", "习近平"] { #expect(try small.search(query) == normal.search(query), "\(query)") }
    }

    @Test("the same articles give byte-identical index files")
    func deterministic() {
        let articles = FixtureCorpus.shared.articles
        #expect(SearchIndexBuilder().build(articles: articles) == SearchIndexBuilder().build(articles: articles.reversed()))
    }
}
