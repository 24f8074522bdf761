import Foundation
import Testing
@testable import BroadsheetServe

@Suite("Pieces of the preview server")
struct UnitTests {
    @Test("request paths map to site files; dot segments, NUL, backslashes and absolute paths are refused")
    func requestPaths() {
        #expect(RequestPath.resolve("/") == .file("index.html"))
        #expect(RequestPath.resolve("/topics/jobs/") == .file("topics/jobs/index.html"))
        #expect(RequestPath.resolve("/articles/a%20b.html") == .file("articles/a b.html"))
        #expect(RequestPath.resolve("/%E5%B0%B1%E4%B8%9A.html") == .file("就业.html"))
        #expect(RequestPath.resolve("http://example.org/a.html") == .file("a.html"))
        for refused in ["/../x", "/a/../x", "/%2e%2e/x", "/a/%2E%2E", "/./x", "//etc/passwd", "/%2Fetc",
                        "/a\\b", "/a%5cb", "/a%00", "/a%0a", "/C:/x", "/%ff", "x", ""] {
            #expect(RequestPath.resolve(refused) == .forbidden, "\(refused)")
        }
    }

    @Test("content types name UTF-8 for text and fall back to octet-stream")
    func contentTypes() {
        #expect(ContentType.forPath("a/b.HTML") == "text/html; charset=utf-8")
        #expect(ContentType.forPath("search-index.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.forPath("x.png") == "image/png")
        #expect(ContentType.forPath("Makefile") == ContentType.fallback)
        #expect(ContentType.forPath(".hidden") == ContentType.fallback)
    }

    @Test("the reload script goes before the last </body>, or at the end when there is none")
    func injection() {
        let page = Data("<body><p>一</p></body><!-- </body> --></BODY>\n</html>".utf8)
        let served = String(decoding: ReloadSnippet.inject(into: page, build: "b-1"), as: UTF8.self)
        #expect(served.hasSuffix("</script>\n</BODY>\n</html>"))
        #expect(served.hasPrefix("<body><p>一</p></body><!-- </body> --><script>"))
        let fragment = String(decoding: ReloadSnippet.inject(into: Data("<p>x</p>".utf8), build: "b"), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>x</p><script>"))
        #expect(ReloadSnippet.script(build: "</script>").contains("<\\/script>"))
    }

    @Test("events encode each line of their data as a data field")
    func eventEncoding() {
        let event = ServerSentEvent.error("a\r\nb\nc")
        #expect(String(decoding: event.encoded, as: UTF8.self) == "event: error\ndata: a\ndata: b\ndata: c\n\n")
    }

    @Test("If-None-Match matches by weak comparison, in lists and with *")
    func ifNoneMatch() {
        #expect(StaticSiteResponder.matches("\"a\"", etag: "\"a\""))
        #expect(StaticSiteResponder.matches("W/\"a\"", etag: "\"a\""))
        #expect(StaticSiteResponder.matches("\"x\", \"a\"", etag: "\"a\""))
        #expect(StaticSiteResponder.matches("*", etag: "\"a\""))
        #expect(!StaticSiteResponder.matches("\"b\"", etag: "\"a\""))
        #expect(!StaticSiteResponder.matches(nil, etag: "\"a\""))
    }

    @Test("the watcher sees files added, changed in place and removed, and ignores editor debris")
    func watcher() throws {
        let root = try temporaryFolder(containing: "sub")
        defer { try? FileManager.default.removeItem(at: root) }
        let seed = root.appendingPathComponent("sub/a.txt")
        try Data("培洲".utf8).write(to: seed)
        let watcher = SourceWatcher(roots: [root])
        let start = watcher.scan()
        #expect(start.count == 1)

        for debris in [".a.txt.swp", "a.txt~", "#a.txt#"] {
            try Data("x".utf8).write(to: root.appendingPathComponent("sub/\(debris)"))
        }
        #expect(watcher.scan() == start)

        Thread.sleep(forTimeInterval: 0.02)  // past the file system's timestamp tick
        let handle = try FileHandle(forWritingTo: seed)
        try handle.write(contentsOf: Data("培训".utf8))  // same size, same inode
        try handle.close()
        let changed = watcher.scan()
        #expect(SourceWatcher.changes(from: start, to: changed) == [seed.standardizedFileURL.path])

        let added = root.appendingPathComponent("b.txt")
        try Data("b".utf8).write(to: added)
        let withAdded = watcher.scan()
        #expect(SourceWatcher.changes(from: changed, to: withAdded) == [added.standardizedFileURL.path])
        try FileManager.default.removeItem(at: added)
        #expect(watcher.scan() == changed)
    }

    @Test("a watched output folder is left out of the scan")
    func watcherExcludesOutput() throws {
        let root = try temporaryFolder(containing: "out")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("out/index.html"))
        try Data("y".utf8).write(to: root.appendingPathComponent("seed.txt"))
        let scan = SourceWatcher(roots: [root], excluding: [root.appendingPathComponent("out")]).scan()
        #expect(scan.keys.map { ($0 as NSString).lastPathComponent } == ["seed.txt"])
    }
}
