import BroadsheetBuild
import Foundation
import Testing

@Suite("Links in the generated site")
struct LinkTests {
    @Test("every link and script resolves to a file inside the site, relative and naming a file")
    func everyLinkResolves() throws {
        let out = try SiteFixture.scratch("links").appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(output: out)).build()
        let pages = try SiteFixture.snapshot(out).keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(!pages.isEmpty)
        let attribute = try Regex(#"(?:href|src)="([^"]*)""#)
        for page in pages {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            let folder = out.appendingPathComponent(page).deletingLastPathComponent()
            for match in html.matches(of: attribute) {
                let target = String(match.output[1].substring ?? "")
                if target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                #expect(!target.hasPrefix("/"), "\(page): root-relative link \(target)")
                #expect(!target.contains("://"), "\(page): link leaves the site: \(target)")
                let path = String(target.split(separator: "#", maxSplits: 1).first ?? "").split(separator: "?").first.map(String.init) ?? ""
                if path.isEmpty { continue }
                #expect(!path.hasSuffix("/"), "\(page): link names a folder: \(target)")
                let resolved = folder.appendingPathComponent(path.removingPercentEncoding ?? path).standardizedFileURL
                #expect(resolved.path.hasPrefix(out.standardizedFileURL.path), "\(page): \(target) leaves public/")
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDir)
                #expect(exists && !isDir.boolValue, "\(page): broken link \(target)")
            }
            #expect(!html.contains("type=\"module\""), "\(page) uses an ES module")
        }
    }
}
