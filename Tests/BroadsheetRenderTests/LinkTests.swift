import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

@Suite("Links work from disk")
struct LinkTests {
    @Test("the root prefix climbs one folder per level")
    func rootPrefix() {
        #expect(SitePaths.root(for: "index.html") == "")
        #expect(SitePaths.root(for: "articles/a.html") == "../")
        #expect(SitePaths.root(for: "topics/ecology/page-2.html") == "../../")
    }

    /// Every href and src of every page, resolved against the page's folder.
    static func links(in files: [String: Data]) -> [(page: String, target: String, resolved: String)] {
        let pattern = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
        var result: [(String, String, String)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                let withoutFragment = String(target.prefix { $0 != "#" && $0 != "?" })
                var parts = path.split(separator: "/").dropLast().map(String.init)
                for component in withoutFragment.split(separator: "/", omittingEmptySubsequences: false) {
                    if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
                }
                result.append((path, target, withoutFragment.isEmpty ? path : parts.joined(separator: "/")))
            }
        }
        return result
    }

    @Test("every link on every page, at every depth, is relative and names a file the site contains")
    func everyLinkResolves() throws {
        let files = try CorpusFixture.renderSite(try CorpusFixture.articles())
        // Written by the index stage, not by the renderer.
        let fromOtherStages: Set<String> = ["search-index.js"]
        let links = Self.links(in: files)
        #expect(links.count > 1000)
        for link in links {
            #expect(!link.target.hasPrefix("/") && !link.target.contains("://"), "\(link.page): \(link.target)")
            #expect(!link.target.hasSuffix("/"), "\(link.page) links a folder: \(link.target)")
            #expect(files[link.resolved] != nil || fromOtherStages.contains(link.resolved), "\(link.page): \(link.target) → \(link.resolved)")
        }
    }

    @Test("without a base URL no page, feed or sitemap carries an absolute URL")
    func noAbsoluteURLs() throws {
        let files = try CorpusFixture.renderSite(try CorpusFixture.articles())
        #expect(files["sitemap.xml"] == nil)
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            let hrefs = text.components(separatedBy: "href=\"").dropFirst()
            #expect(!hrefs.contains { $0.hasPrefix("http") }, "\(path) has an absolute link")
        }
    }

    @Test("with a base URL feeds and sitemap use absolute URLs under it")
    func baseURL() throws {
        var config = CorpusFixture.config
        config.baseURL = "https://news.example.org/archive"
        let files = try CorpusFixture.renderSite(try CorpusFixture.articles(), config: config)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://news.example.org/archive/topics/ecology/index.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let feed = String(decoding: try #require(files["topics/ecology/feed.xml"]), as: UTF8.self)
        #expect(feed.contains("<id>https://news.example.org/archive/articles/"))
        #expect(String(decoding: files["404.html"]!, as: UTF8.self).contains("href=\"https://news.example.org/archive/index.html\""))
    }
}
