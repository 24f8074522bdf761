@testable import BroadsheetBuild
import BroadsheetModel
import Foundation
import Testing

/// Listing pages (home, topic pages, overview, archive, feeds) are linked from the previous build
/// when their key (`PageKeys.key(of:)`, over the list entries they show) is unchanged. Whatever is reused, the rebuild must equal a clean build.
@Suite("Listing pages reused by key")
struct ListingReuseTests {
    /// Replaces the first `，` of the file's first `fraction` with `、`.
    static func replaceComma(in file: URL, before fraction: Double = 1) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        let end = text.index(text.startIndex, offsetBy: Int(Double(text.count) * fraction))
        let comma = try #require(text[..<end].firstIndex(of: "，"))
        text.replaceSubrange(comma...comma, with: "、")
        try text.write(to: file, atomically: false, encoding: .utf8)
    }

    /// A first build of old-looking seeds in a new scratch folder.
    static func firstBuild(_ name: String) throws -> (scratch: URL, seeds: URL, out: URL, context: BuildContext) {
        let scratch = try SiteFixture.scratch(name)
        let seeds = try IncrementalBuildTests.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        return (scratch, seeds, out, try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build())
    }

    /// Edits the first paragraphs of two pages, rebuilds, and checks the rebuild against a clean build.
    static func editEntriesAndRebuild(_ seeds: URL, _ out: URL, scratch: URL) throws {
        for file in try IncrementalBuildTests.inputs(seeds).prefix(2) { try replaceComma(in: file, before: 0.2) }
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        try IncrementalBuildTests.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    static func listings(_ site: [String: Data]) -> [String: Data] {
        site.filter { !$0.key.hasPrefix("articles/") && !$0.key.hasPrefix("search") && !$0.key.hasPrefix(BuildCache.folder) }
    }

    @Test("an edit near the end of a page re-renders no listing whose entries it leaves alone; the rebuild equals a clean build")
    func tailEditReusesListings() throws {
        let (scratch, seeds, out, first) = try Self.firstBuild("listing-tail")
        #expect(first.stats.listingsReused == 0)
        // A paragraph that joins the last article of this page (no article added, no topic moved).
        let file = try IncrementalBuildTests.inputs(seeds)[3]
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(try Data(contentsOf: SiteFixture.fixtures.appendingPathComponent("listing-reuse/tail-paragraph.txt")))
        try handle.close()
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.articles.count == first.articles.count)
        #expect(context.stats.listingsReused > 0)
        try IncrementalBuildTests.expectSameSite(out, asClean: seeds, scratch: scratch)
    }

    @Test("an edit in the first paragraphs changes list entries: the listings that show them are rendered again and equal a clean build")
    func entryEditRendersListings() throws {
        let (scratch, seeds, out, _) = try Self.firstBuild("listing-entry")
        let before = Self.listings(try SiteFixture.snapshot(out))
        try Self.editEntriesAndRebuild(seeds, out, scratch: scratch)
        let after = Self.listings(try SiteFixture.snapshot(out))
        #expect(after.contains { before[$0.key] != $0.value }, "the edit should change some listing page")
    }

    @Test("an input renamed to a name with the same slug stem re-renders its pages (they show the source path)")
    func renamedInput() throws {
        let (scratch, seeds, out, first) = try Self.firstBuild("listing-renamed")
        let file = try IncrementalBuildTests.inputs(seeds)[3]
        let renamed = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent.replacingOccurrences(of: "_", with: " "))
        try FileManager.default.moveItem(at: file, to: renamed)
        let context = try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(context.articles.map(\.slug) == first.articles.map(\.slug))
        #expect(context.stats.pagesRendered > 0)
        try IncrementalBuildTests.expectSameSite(out, asClean: seeds, scratch: scratch)
    }
}
