import BroadsheetBuild
import BroadsheetModel
import Foundation
import Testing

@Suite("End-to-end build of the seeds")
struct SiteBuildTests {
    @Test("every article has its Markdown and HTML, and the front matter has the contract's keys")
    func everyArticleHasMarkdownAndHTML() throws {
        let out = try SiteFixture.scratch("contract").appendingPathComponent("public")
        let context = try SiteBuilder(options: SiteFixture.options(output: out)).build()
        #expect(context.articles.count >= 5)
        for article in context.articles {
            let md = try String(contentsOf: out.appendingPathComponent("articles/\(article.slug).md"), encoding: .utf8)
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("articles/\(article.slug).html").path))
            let front = md.components(separatedBy: "\n---\n").first ?? ""
            for key in ["title:", "topics:", "authors:", "source:"] {
                #expect(front.contains("\n\(key)"), "\(article.slug).md lacks \(key)")
            }
            if article.titleGenerated { #expect(front.contains("\ntitle_generated: true")) }
            if let iso = article.date?.iso { #expect(front.contains("\ndate: \(iso)")) } else { #expect(!front.contains("\ndate:")) }
        }
        for path in ["index.html", "search.html", "404.html", "search-index.json", "build-report.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "missing \(path)")
        }
        for topic in context.config.topics {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("topics/\(topic.id)/index.html").path))
        }
    }

    @Test("slugs are unique, ASCII-safe and never empty")
    func slugsAreUniqueAndSafe() throws {
        let out = try SiteFixture.scratch("slugs").appendingPathComponent("public")
        let slugs = try SiteBuilder(options: SiteFixture.options(output: out)).build().articles.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        for slug in slugs {
            #expect(!slug.isEmpty)
            #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        }
    }

    @Test("two builds of the same input are byte-identical")
    func buildsAreDeterministic() throws {
        let scratch = try SiteFixture.scratch("determinism")
        let first = scratch.appendingPathComponent("a"), second = scratch.appendingPathComponent("b")
        try SiteBuilder(options: SiteFixture.options(output: first)).build()
        try SiteBuilder(options: SiteFixture.options(output: second)).build()
        let a = try SiteFixture.snapshot(first), b = try SiteFixture.snapshot(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between builds") }
    }

    @Test("a build that fails leaves the previous site untouched")
    func failedBuildKeepsPreviousSite() throws {
        let scratch = try SiteFixture.scratch("atomic")
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(output: out)).build()
        let before = try SiteFixture.snapshot(out)
        let brokenConfig = SiteFixture.options(output: out, config: SiteFixture.fixtures.appendingPathComponent("broken-site.yml"))
        #expect(throws: (any Error).self) { try SiteBuilder(options: brokenConfig).build() }
        let missingTemplates = SiteFixture.options(output: out, templates: scratch.appendingPathComponent("no-templates"))
        #expect(throws: (any Error).self) { try SiteBuilder(options: missingTemplates).build() }
        #expect(try SiteFixture.snapshot(out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0 != "public" }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test("an undecodable input is reported with its byte offset and the other files are still built")
    func badInputIsReportedAndSkipped() throws {
        let out = try SiteFixture.scratch("bad-input").appendingPathComponent("public")
        let context = try SiteBuilder(options: SiteFixture.options(seeds: SiteFixture.fixtures.appendingPathComponent("bad-input"), output: out)).build()
        let errors = context.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.file == "broken.txt")
        #expect(errors.first?.byteOffset == 6)
        #expect(context.articles.contains { $0.source == "good.txt" })
        #expect(!context.articles.contains { $0.source == "broken.txt" })
        let report = try JSONDecoder().decode(BuildReport.self, from: Data(contentsOf: out.appendingPathComponent("build-report.json")))
        let broken = report.files.first { $0.path == "broken.txt" }
        #expect(broken?.diagnostics.first?.byteOffset == 6)
        #expect(broken?.articles.isEmpty == true)
        #expect(report.files.first { $0.path == "good.txt" }?.articles.isEmpty == false)
    }
}
