import BroadsheetBuild
import BroadsheetModel
import Foundation
import Testing

/// A rebuild that takes unchanged articles' search records from the cache must write exactly the
/// index files a clean build writes, even when doc ids move.
@Suite("Search index cache")
struct IndexCacheTests {
    static let addedParagraph = SiteFixture.fixtures.appendingPathComponent("index-cache/added-paragraph.txt")

    /// The index files of a site (`search/…`, `search-index.*`), path → bytes.
    static func indexFiles(_ site: URL) throws -> [String: Data] {
        try SiteFixture.snapshot(site).filter { $0.key.hasPrefix("search/") || $0.key.hasPrefix("search-index.") }
    }

    static func expectSameIndex(_ incremental: URL, asClean seeds: URL, scratch: URL,
                                config: URL = SiteFixture.repo.appendingPathComponent("site.yml")) throws {
        let clean = scratch.appendingPathComponent("clean-\(UUID().uuidString)")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: clean, config: config)).build()
        let a = try indexFiles(incremental), b = try indexFiles(clean)
        #expect(!b.isEmpty)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in b { #expect(a[path] == bytes, "\(path) differs from a clean build") }
    }

    /// Old-looking seeds in a scratch folder, built once into `public/`.
    static func builtSite(_ name: String) throws -> (scratch: URL, seeds: URL, out: URL, context: BuildContext) {
        let scratch = try SiteFixture.scratch(name)
        let seeds = try IncrementalBuildTests.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        return (scratch, seeds, out, context)
    }

    static func append(_ extra: URL, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: try Data(contentsOf: extra))
        try handle.close()
    }

    /// Puts `text` in the middle of the file's longest line (body text), so no article is added.
    static func insertIntoLongestLine(_ text: String, in file: URL) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let longest = lines.indices.max { lines[$0].count < lines[$1].count }!
        let middle = lines[longest].index(lines[longest].startIndex, offsetBy: lines[longest].count / 2)
        lines[longest].insert(contentsOf: text, at: middle)
        try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
    }

    @Test("after a paragraph is added to one page, only its articles are tokenized again and the index equals a clean build's")
    func oneEditedPage() throws {
        let (scratch, seeds, out, first) = try Self.builtSite("index-cache-edit")
        #expect(first.stats.indexRecordsReused == 0)
        #expect(first.stats.indexRecordsMade == first.articles.count)
        let file = try IncrementalBuildTests.inputs(seeds)[1]
        try Self.append(Self.addedParagraph, to: file)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let edited = context.articlesPerFile[file.lastPathComponent]?.count ?? 0
        #expect(context.stats.indexRecordsMade >= 1)
        #expect(context.stats.indexRecordsMade <= edited)
        #expect(context.stats.indexRecordsReused == context.articles.count - context.stats.indexRecordsMade)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
    }

    @Test("after one article's body is edited (doc order unchanged), the previous index is patched and equals a clean build's, twice over")
    func editedBodyPatched() throws {
        let (scratch, seeds, out, first) = try Self.builtSite("index-cache-patch")
        for input in try IncrementalBuildTests.inputs(seeds).prefix(3).dropFirst() {
            try Self.insertIntoLongestLine("增补的文字", in: input)
            let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
            #expect(context.articles.count == first.articles.count)
            #expect(context.stats.indexPatched)
            #expect(context.stats.indexRecordsMade == 1)
            try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
        }
    }

    @Test("after pages are removed and added, so that doc ids move, the index equals a clean build's")
    func movedDocIDs() throws {
        let (scratch, seeds, out, _) = try Self.builtSite("index-cache-move")
        let files = try IncrementalBuildTests.inputs(seeds)
        try FileManager.default.removeItem(at: files[0])
        try FileManager.default.copyItem(at: files[3], to: seeds.appendingPathComponent("zz-copy.txt"))
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.stats.indexRecordsReused > 0)
        #expect(!context.stats.indexPatched)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
    }

    @Test("after an article is added, doc ids shift: the index is built whole and equals a clean build's")
    func addedArticle() throws {
        let (scratch, seeds, out, _) = try Self.builtSite("index-cache-added")
        let files = try IncrementalBuildTests.inputs(seeds)
        try FileManager.default.copyItem(at: files[2], to: seeds.appendingPathComponent("zz-added.txt"))
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(!context.stats.indexPatched)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
    }

    @Test("after a configuration change the index is built whole and equals a clean build's")
    func changedConfig() throws {
        let (scratch, seeds, out, _) = try Self.builtSite("index-cache-config")
        let config = scratch.appendingPathComponent("site.yml")
        try (try Data(contentsOf: SiteFixture.repo.appendingPathComponent("site.yml")) + Data("\n# changed\n".utf8)).write(to: config)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out, config: config)).build()
        #expect(!context.stats.indexPatched)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch, config: config)
    }

    @Test("a damaged cache record is not used, and its file is written anew rather than linked into the next cache")
    func damagedCache() throws {
        let scratch = try SiteFixture.scratch("index-cache-damaged")
        let seeds = try IncrementalBuildTests.oldSeeds(in: scratch)
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: SiteFixture.repo.appendingPathComponent("Templates"), to: templates)
        let out = scratch.appendingPathComponent("public")
        let options = SiteFixture.options(seeds: seeds, output: out, templates: templates)
        try SiteBuilder(options: options).build()
        let folder = out.appendingPathComponent(BuildCache.folder + "/index")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            // Flip bytes in the second half of each file (the records), keeping its length.
            let url = folder.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            for i in stride(from: bytes.count / 2, to: bytes.count, by: 7) { bytes[i] ^= 0x5A }
            try FileManager.default.removeItem(at: url)
            try Data(bytes).write(to: url)
        }
        // A template change rebuilds with the cache but leaves every record's key as it was.
        let css = templates.appendingPathComponent("assets/style.css")
        try (try Data(contentsOf: css) + Data("\n/* changed */\n".utf8)).write(to: css)
        let rebuilt = try SiteBuilder(options: options).build()
        #expect(rebuilt.stats.indexRecordsMade > 0)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
        try (try Data(contentsOf: css) + Data("\n/* changed again */\n".utf8)).write(to: css)
        let next = try SiteBuilder(options: options).build()
        #expect(next.stats.indexRecordsMade == 0)
        #expect(next.stats.indexRecordsReused == next.articles.count)
        // No article changed: every index file but the manifest is the previous one.
        #expect(next.stats.indexPatched)
        try Self.expectSameIndex(out, asClean: seeds, scratch: scratch)
    }
}
