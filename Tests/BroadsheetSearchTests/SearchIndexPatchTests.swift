import BroadsheetModel
@testable import BroadsheetSearch
import Foundation
import Testing

/// A patched index (the previous files, the changed keys' postings spliced) must be
/// exactly the index built whole, or the patch must give up without emitting anything.
@Suite("Search index patch")
struct SearchIndexPatchTests {
    /// An index built whole: its files by id, its records, and what a patch starts from.
    struct Built {
        var files: [String: Data] = [:]
        var records: [SearchDocumentRecord] = []
        var previous = SearchIndexPatch.Previous(docCount: 0, shards: 0, smallBytes: 0)
        var topics: [[String]] = []
    }

    static var builder: SearchIndexBuilder {
        var builder = SearchIndexBuilder()
        builder.targetShardBytes = 2048
        builder.ownFileBytes = 256
        return builder
    }

    /// No key in a file of its own, so none can move into or out of one.
    static var withoutOwnFiles: SearchIndexBuilder {
        var builder = builder
        builder.ownFileBytes = 1 << 30
        return builder
    }

    static func build(_ articles: [Article], builder: SearchIndexBuilder = builder) throws -> Built {
        let docs = SearchIndexBuilder.ordered(articles)
        var built = Built()
        let stream = SearchIndexStream(builder: builder) { for file in $0 { built.files[file.id] = file.json } }
        built.records = try stream.add(docs, cached: docs.map { _ in nil })
        try stream.finish()
        built.previous = .init(docCount: docs.count, shards: stream.postingShards, smallBytes: stream.smallBytes)
        built.topics = docs.map(\.topics)
        return built
    }

    /// The files of `before` patched to `articles` (same doc order), or nil when the patch gave up.
    static func patch(_ before: Built, to articles: [Article], builder: SearchIndexBuilder = builder) throws -> [String: Data]? {
        let docs = SearchIndexBuilder.ordered(articles)
        let records = docs.map(builder.record(of:))
        let changes = docs.indices.filter { records[$0] != before.records[$0] || docs[$0].topics != before.topics[$0] }.map {
            SearchIndexPatch.Change(doc: $0, old: before.records[$0], oldTopics: before.topics[$0], new: records[$0], newTopics: docs[$0].topics)
        }
        let patch = SearchIndexPatch(builder: builder, previous: before.previous, changes: changes)
        patch.add(docs, records: records)
        var ownFiles: [Int: [String]] = [:]
        for id in before.files.keys where id.hasPrefix("p/") && id.dropFirst(2).contains("-") {
            ownFiles[Int(id.dropFirst(2).prefix { $0 != "-" })!, default: []].append(id)
        }
        var files: [String: Data] = [:], emitted = 0
        let done = try patch.finish(previousFile: { before.files[$0] }, ownFiles: ownFiles, reuse: { ids in
            for id in ids { files[id] = before.files[id] }
            return ids.allSatisfy { before.files[$0] != nil }
        }, emit: { batch in
            emitted += batch.count
            for file in batch { files[file.id] = file.json }
        })
        if !done { #expect(emitted == 0) }
        return done ? files : nil
    }

    static func appending(_ text: String, to index: Int, of articles: [Article]) -> [Article] {
        var edited = articles
        edited[index].body.append(.paragraph(text))
        return edited
    }

    static func expectEqual(_ patched: [String: Data]?, _ articles: [Article], builder: SearchIndexBuilder = builder) throws {
        let whole = try build(articles, builder: builder).files
        #expect(patched?.keys.sorted() == whole.keys.sorted())
        for (id, json) in whole { #expect(patched?[id] == json, "\(id) differs from the whole build") }
    }

    /// Patches the index of `articles` to `edited`: the patch must succeed and equal a whole build.
    static func expectPatched(from articles: [Article], to edited: [Article], builder: SearchIndexBuilder = builder) throws {
        let patched = try patch(try build(articles, builder: builder), to: edited, builder: builder)
        #expect(patched != nil)
        try expectEqual(patched, edited, builder: builder)
    }

    @Test("a body edited in place gives the files of a whole build")
    func editedBody() throws {
        let articles = FixtureCorpus.shared.articles
        try Self.expectPatched(from: articles, to: Self.appending("就业岗位增加，新的一段文字。", to: 3, of: articles))
    }

    @Test("a changed key kept in files of its own (entries and positions) is spliced from them")
    func editedOwnFileKeys() throws {
        var builder = Self.builder
        builder.ownFileBytes = 64
        let articles = FixtureCorpus.shared.articles
        // Every article mentions 就业 (the fixture corpus is about employment): its pair's postings
        // are far past 64 bytes both before and after the edit.
        try Self.expectPatched(from: articles, to: Self.appending("就业就业，就业。", to: 6, of: articles), builder: builder)
    }

    @Test("an edit that removes every occurrence of some keys drops them from their shards")
    func removedKeys() throws {
        var edited = FixtureCorpus.shared.articles
        edited[5].body.removeLast()
        try Self.expectPatched(from: FixtureCorpus.shared.articles, to: edited, builder: Self.withoutOwnFiles)
    }

    @Test("text put before the body shifts the positions of every later key, which are all accumulated again")
    func shiftedPositions() throws {
        var edited = FixtureCorpus.shared.articles
        edited[4].body.insert(.paragraph("开头新增的一句话。"), at: 0)
        try Self.expectPatched(from: FixtureCorpus.shared.articles, to: edited, builder: Self.withoutOwnFiles)
    }

    @Test("changed topics change the topic markers' postings")
    func changedTopics() throws {
        var articles = FixtureCorpus.shared.articles
        articles[2].topics = ["economy"]
        var edited = articles
        edited[2].topics = ["culture", "economy"]
        try Self.expectPatched(from: articles, to: edited)
    }

    @Test("an edit that changes the shard count (keys move between shards) makes the patch give up")
    func shardCountChanges() throws {
        let articles = FixtureCorpus.shared.articles
        // One shard holding exactly as much as it may: any new entry doubles the shard count.
        var builder = Self.withoutOwnFiles
        builder.targetShardBytes = try Self.build(articles, builder: builder).previous.smallBytes
        let before = try Self.build(articles, builder: builder)
        let edited = Self.appending("就业岗位增加，新的一段文字。", to: 3, of: articles)
        #expect(before.previous.shards == 1)
        #expect(try Self.build(edited, builder: builder).previous.shards == 2)
        #expect(try Self.patch(before, to: edited, builder: builder) == nil)
    }

    @Test("a key whose postings grow past ownFileBytes moves to a file of its own: the patch gives up")
    func keyMovesToOwnFile() throws {
        let articles = FixtureCorpus.shared.articles
        var builder = Self.builder
        builder.targetShardBytes = 1 << 30
        let before = try Self.build(articles, builder: builder)
        // A word in no article, repeated until its postings pass the limit.
        let edited = Self.appending(String(repeating: "魑魅 ", count: 400), to: 1, of: articles)
        #expect(try Self.patch(before, to: edited, builder: builder) == nil)
        #expect(try Self.patch(before, to: articles, builder: builder) != nil)
    }
}
