import BroadsheetBuild
import BroadsheetModel
import Foundation
import Testing

/// An incremental build must write exactly the bytes a clean build of the same inputs writes.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A copy of the seeds whose files look old, so that their stamps are trusted (see
    /// BuildManifest.stampMatches).
    static func oldSeeds(in scratch: URL) throws -> URL {
        let seeds = scratch.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: SiteFixture.repo.appendingPathComponent("seeds"), to: seeds)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try age(seeds.appendingPathComponent(name))
        }
        return seeds
    }

    static func age(_ url: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url.path)
    }

    static func inputs(_ seeds: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { !$0.hasPrefix(".") && !$0.lowercased().hasPrefix("readme") }
            .sorted().map { seeds.appendingPathComponent($0) }
    }

    /// The site's files without the cache folder.
    static func site(_ out: URL) throws -> [String: Data] {
        try SiteFixture.snapshot(out).filter { !$0.key.hasPrefix(BuildCache.folder) }
    }

    static func expectSameSite(_ incremental: URL, asClean seeds: URL, scratch: URL) throws {
        let clean = scratch.appendingPathComponent("clean-\(UUID().uuidString)")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: clean)).build()
        let a = try site(incremental), b = try site(clean)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in b { #expect(a[path] == bytes, "\(path) differs from a clean build") }
    }

    @Test("after one input changes, the rebuild equals a clean build and re-ingests only that file")
    func oneChangedInput() throws {
        let scratch = try SiteFixture.scratch("incremental-change")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let files = try Self.inputs(seeds)
        // Another page's text under this file's name: different articles, same slugs' stem.
        try Data(contentsOf: files[0]).write(to: files[2])
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.stats.inputsIngested == 1)
        #expect(context.stats.inputsReused == files.count - 1)
        #expect(context.stats.filesLinked > 0)
        try Self.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    @Test("after a small edit that moves no article between topics, only the pages that show the edited article are rendered")
    func smallEditRendersFewPages() throws {
        let scratch = try SiteFixture.scratch("incremental-small-edit")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        let first = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        // One comma in the second half of a page becomes an enumeration comma.
        let file = try Self.inputs(seeds)[1]
        var text = try String(contentsOf: file, encoding: .utf8)
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        let comma = try #require(text[middle...].firstIndex(of: "，"))
        text.replaceSubrange(comma...comma, with: "、")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.articles.map(\.topics) == first.articles.map(\.topics))
        #expect(context.stats.pagesRendered > 0)
        #expect(context.stats.pagesReused > 0)
        #expect(context.stats.pagesRendered + context.stats.pagesReused == context.articles.count)
        try Self.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    /// The file's inode: the same inode means the file was left where it was, not written again.
    static func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test("an incremental rebuild leaves unchanged files in place and replaces only the changed ones")
    func unchangedFilesStayInPlace() throws {
        let scratch = try SiteFixture.scratch("incremental-in-place")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let before = try SiteFixture.snapshot(out)
        var inodes: [String: UInt64] = [:]
        for path in before.keys { inodes[path] = try Self.inode(out.appendingPathComponent(path)) }
        let file = try Self.inputs(seeds)[1]
        try (try String(contentsOf: file, encoding: .utf8) + "\n\u{3000}\u{3000}补记：本文发表后又增加了这一段文字。\n")
            .write(to: file, atomically: false, encoding: .utf8)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let after = try SiteFixture.snapshot(out)
        var kept = 0, replaced = 0
        for (path, bytes) in after where !path.hasPrefix(BuildCache.folder) {
            guard let old = before[path], let inode = inodes[path] else { continue }
            if old == bytes { #expect(try Self.inode(out.appendingPathComponent(path)) == inode, "\(path) was rewritten unchanged"); kept += 1 }
            else { replaced += 1 }
        }
        #expect(kept > 0 && replaced > 0)
        #expect(context.stats.filesLinked == kept)
        // Nothing is left beside the site.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(siblings.filter { $0.hasPrefix(".public") }.isEmpty)
        try Self.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    @Test("after inputs are added and removed, the rebuild equals a clean build")
    func addedAndRemovedInputs() throws {
        let scratch = try SiteFixture.scratch("incremental-add-remove")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let files = try Self.inputs(seeds)
        try FileManager.default.removeItem(at: files[1])
        try FileManager.default.copyItem(at: files[3], to: seeds.appendingPathComponent("zz-copy.txt"))
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.stats.inputsIngested == 1)
        #expect(context.articlesPerFile[files[1].lastPathComponent] == nil)
        try Self.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    @Test("a changed template is a change to every page: the rebuild equals a clean build")
    func changedTemplate() throws {
        let scratch = try SiteFixture.scratch("incremental-template")
        let seeds = try Self.oldSeeds(in: scratch)
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: SiteFixture.repo.appendingPathComponent("Templates"), to: templates)
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out, templates: templates)).build()
        let css = templates.appendingPathComponent("assets/style.css")
        try (try Data(contentsOf: css) + Data("\n/* changed */\n".utf8)).write(to: css)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out, templates: templates)).build()
        #expect(!context.stats.upToDate)
        #expect(context.stats.inputsReused == (try Self.inputs(seeds)).count)
        #expect(context.stats.pagesReused == 0)
        let clean = scratch.appendingPathComponent("clean")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: clean, templates: templates)).build()
        #expect(try Self.site(out) == (try Self.site(clean)))
    }

    @Test("a rebuild with nothing changed leaves the output folder untouched")
    func noOpRebuild() throws {
        let scratch = try SiteFixture.scratch("incremental-noop")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        let first = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        let inode = try FileManager.default.attributesOfItem(atPath: out.path)[.systemFileNumber] as? UInt64
        let again = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(again.stats.upToDate)
        #expect(try FileManager.default.attributesOfItem(atPath: out.path)[.systemFileNumber] as? UInt64 == inode)
        #expect(again.articlesPerFile == first.articlesPerFile)
        #expect(again.diagnostics == first.diagnostics)
    }

    @Test("a file edited within the same second as the build is compared by its bytes, not trusted by its stamp")
    func recentEditIsHashed() throws {
        let scratch = try SiteFixture.scratch("incremental-racy")
        let seeds = try Self.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        let file = try Self.inputs(seeds)[4]
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: file.path)
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        // Same size, same inode, same modification time; different bytes.
        let original = try Data(contentsOf: file)
        let edited = Data(original.prefix(original.count / 2)) + Data(repeating: 0x0A, count: original.count - original.count / 2)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: edited)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: file.path)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.stats.inputsIngested == 1)
        try Self.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    @Test("the manifest reads back what was written")
    func manifestRoundTrip() throws {
        var manifest = BuildManifest(keys: BuildKeys(tool: "t", config: "c", templates: "p"), started: 42)
        manifest.inputs["a b/c.txt"] = .init(stamp: InputFile(path: "a b/c.txt", size: 3, modified: 5, inode: 7), hash: "h", slugs: ["c-01", "c-02"])
        manifest.inputs["d.txt"] = .init(stamp: InputFile(path: "d.txt", size: 0, modified: 1, inode: 2), hash: "h2", slugs: [])
        manifest.outputs["articles/c-01.html"] = "x"
        #expect(BuildManifest.parse(manifest.text(), started: 42) == manifest)
        #expect(BuildManifest.parse("something else\n", started: 0) == nil)
    }
}
