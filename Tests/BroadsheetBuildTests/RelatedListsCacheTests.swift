@testable import BroadsheetBuild
import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

/// The related lists of the previous build are reused only when what they depend on is unchanged.
@Suite("Related lists cache")
struct RelatedListsCacheTests {
    static func article(_ slug: String, _ title: String, _ paragraphs: [String], day: Int) -> Article {
        var a = Article(title: title, source: "s.txt", body: paragraphs.map { .paragraph($0) })
        a.slug = slug
        a.date = ArticleDate(year: 2024, month: 5, day: day)
        return a
    }

    static let articles = ArticleOrder.sorted([
        article("a", "零工市场帮助灵活就业", ["零工市场开张，灵活就业人员找到岗位。", "记者走访了市场。"], day: 1),
        article("b", "零工市场开进社区", ["社区零工市场让灵活就业更方便。"], day: 2),
        article("c", "春季植树造林", ["市民参加植树造林活动。"], day: 3),
        article("d", "植树造林绿化荒山", ["志愿者植树造林，荒山变绿。"], day: 4),
    ])

    /// A previous site whose cache holds `lists` under the key of `articles`.
    static func previousSite(with lists: [[Int]], for articles: [Article]) throws -> URL {
        let site = try SiteFixture.scratch("related-cache")
        let key = RelatedListsCache.key(texts: articles.map(RelatedArticles.text(of:)), ranks: RelatedArticles.ranks(of: articles),
                                        related: RelatedArticles(), tool: "tool")
        let url = site.appendingPathComponent(RelatedListsCache.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try RelatedListsCache.encode(lists, key: key).write(to: url)
        return site
    }

    @Test("the cached lists are used when titles, first paragraphs and order are unchanged, even if later paragraphs changed")
    func reusedWhenKeyEqual() throws {
        // Lists no computation gives, so that reuse is visible.
        let planted = [[3], [2, 0], [], [1]]
        let site = try Self.previousSite(with: planted, for: Self.articles)
        var edited = Self.articles
        let index = try #require(edited.firstIndex { $0.slug == "a" })
        edited[index].body.append(.paragraph("新增一段文字。"))
        let cache = RelatedListsCache(previousSite: site, staging: nil, tool: "tool")
        #expect(try cache.lists(for: edited) == planted)
        #expect(cache.reused)
    }

    @Test("a changed title, first paragraph, order or tool recomputes the lists")
    func recomputedWhenKeyDiffers() throws {
        let site = try Self.previousSite(with: [[3], [2, 0], [], [1]], for: Self.articles)
        var title = Self.articles
        title[0].title += "（续）"
        var lead = Self.articles
        lead[1].body[0] = .paragraph("社区零工市场让就业更方便。")
        let swapped = [Self.articles[1], Self.articles[0]] + Self.articles[2...]
        for (articles, tool) in [(title, "tool"), (lead, "tool"), (swapped, "tool"), (Self.articles, "other tool")] {
            let cache = RelatedListsCache(previousSite: site, staging: nil, tool: tool)
            #expect(try cache.lists(for: articles) == RelatedArticles().relatedIndices(in: articles))
            #expect(!cache.reused)
        }
    }

    @Test("a truncated or foreign cache file is ignored")
    func damagedFileIgnored() throws {
        let lists = [[1, 2], [0], [3], []]
        let data = RelatedListsCache.encode(lists, key: String(repeating: "a", count: 32))
        #expect(RelatedListsCache.decode(data, key: String(repeating: "a", count: 32), count: 4) == lists)
        #expect(RelatedListsCache.decode(data.dropLast(), key: String(repeating: "a", count: 32), count: 4) == nil)
        #expect(RelatedListsCache.decode(data, key: String(repeating: "b", count: 32), count: 4) == nil)
        #expect(RelatedListsCache.decode(data, key: String(repeating: "a", count: 32), count: 5) == nil)
    }

    static func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test("a rebuild after an edit deep in a body links the previous lists and equals a clean build; a changed title recomputes them")
    func pipelineRebuilds() throws {
        let scratch = try SiteFixture.scratch("related-rebuild")
        let seeds = try IncrementalBuildTests.oldSeeds(in: scratch)
        let out = scratch.appendingPathComponent("public")
        let cacheFile = out.appendingPathComponent(RelatedListsCache.path)
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        // A hard link keeps the first build's file (and its inode) past the swap.
        let kept = scratch.appendingPathComponent("kept.bin")
        try FileManager.default.linkItem(at: cacheFile, to: kept)

        // A comma deep in a page's body becomes an enumeration comma: no title or lead changes.
        let file = try IncrementalBuildTests.inputs(seeds)[1]
        var text = try String(contentsOf: file, encoding: .utf8)
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        let comma = try #require(text[middle...].firstIndex(of: "，"))
        text.replaceSubrange(comma...comma, with: "、")
        try text.write(to: file, atomically: false, encoding: .utf8)
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(try Self.inode(cacheFile) == Self.inode(kept))
        try IncrementalBuildTests.expectSameSite(out, asClean: seeds, scratch: scratch)

        // The page's last comma is in its last article, a photo caption whose title is made from it.
        let last = try #require(text.lastIndex(of: "，"))
        text.replaceSubrange(last...last, with: "、")
        try text.write(to: file, atomically: false, encoding: .utf8)
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: out)).build()
        #expect(try Self.inode(cacheFile) != Self.inode(kept))
        try IncrementalBuildTests.expectSameSite(out, asClean: seeds, scratch: scratch)
        let clean = scratch.appendingPathComponent("clean-lists")
        try SiteBuilder(options: SiteFixture.options(seeds: seeds, output: clean)).build()
        #expect(try Data(contentsOf: cacheFile) == Data(contentsOf: clean.appendingPathComponent(RelatedListsCache.path)))
    }
}
