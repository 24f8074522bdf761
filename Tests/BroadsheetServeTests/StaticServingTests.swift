import Foundation
import Testing
@testable import BroadsheetServe

@Suite("Serving a built site over HTTP")
struct StaticServingTests {
    @Test("text files are served with their type and charset=utf-8", arguments: [
        ("/index.html", "text/html; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/articles/sample.md", "text/markdown; charset=utf-8"),
        ("/notes.txt", "text/plain; charset=utf-8"),
    ])
    func contentTypes(path: String, type: String) async throws {
        try await withFixtureServer { client, _ in
            let response = try await client.get(path)
            #expect(response.status == 200)
            #expect(response["content-type"] == type)
            let onDisk = try Data(contentsOf: Fixture.site.appendingPathComponent(String(path.dropFirst())))
            if !path.hasSuffix(".html") { #expect(response.body == onDisk) }
        }
    }

    @Test("/ and folder paths serve index.html; a folder without its slash redirects to it")
    func folderIndexes() async throws {
        try await withFixtureServer { client, _ in
            let root = try await client.get("/")
            #expect(root.status == 200)
            #expect(root.text.contains("首页"))
            let topic = try await client.get("/topics/jobs/")
            #expect(topic.status == 200)
            #expect(topic.text.contains("主题：就业"))
            let bare = try await client.get("/topics/jobs?x=1")
            #expect(bare.status == 301)
            #expect(bare["location"] == "/topics/jobs/?x=1")
        }
    }

    @Test("an unknown path gets the site's 404.html with status 404")
    func notFoundPage() async throws {
        try await withFixtureServer { client, _ in
            let response = try await client.get("/articles/missing.html")
            #expect(response.status == 404)
            #expect(response["content-type"] == "text/html; charset=utf-8")
            #expect(response.text.contains("页面不存在"))
            #expect(response.text.contains(ReloadSnippet.eventsPath))
        }
    }

    @Test("HEAD answers with the headers of GET and no body")
    func headRequests() async throws {
        try await withFixtureServer { client, _ in
            let get = try await client.get("/articles/sample.html")
            let head = try await client.send("/articles/sample.html", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head["content-length"] == String(get.body.count))
            #expect(head["etag"] == get["etag"])
            #expect(head["content-type"] == get["content-type"])
            let missing = try await client.send("/nothing-here", method: "HEAD")
            #expect(missing.status == 404)
            #expect(missing.body.isEmpty)
        }
    }

    @Test("a matching If-None-Match gets 304 with no body; another ETag gets the file")
    func etagRevalidation() async throws {
        try await withFixtureServer { client, _ in
            let first = try await client.get("/assets/style.css")
            let etag = try #require(first["etag"])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
            #expect(first["cache-control"] == "no-cache")
            for header in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                let again = try await client.get("/assets/style.css", headers: ["If-None-Match": header])
                #expect(again.status == 304, "If-None-Match: \(header)")
                #expect(again.body.isEmpty)
                #expect(again["etag"] == etag)
            }
            let changed = try await client.get("/assets/style.css", headers: ["If-None-Match": "\"stale\""])
            #expect(changed.status == 200)
            #expect(changed.body == first.body)
            let other = try await client.get("/assets/app.js")
            #expect(other["etag"] != etag)
        }
    }

    @Test("traversal attempts get 403 or 404 and never a file outside the site", arguments: [
        "/../outside.txt", "/articles/../../outside.txt", "/%2e%2e/outside.txt", "/%2E%2E%2Foutside.txt",
        "/articles/%2e%2e/%2e%2e/outside.txt", "/..%5coutside.txt", "/articles\\..\\..\\outside.txt",
        "//etc/passwd", "/%2Fetc%2Fpasswd", "/index.html%00.txt", "/%00", "/C:/Windows/win.ini",
        "/%252e%252e/outside.txt", "/./index.html", "/%ff%fe", "../outside.txt", "/etc/passwd",
    ])
    func traversal(target: String) async throws {
        try await withFixtureServer { client, _ in
            let response = try await client.get(target)
            #expect([403, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.text.contains("OUTSIDE-THE-SITE"))
            #expect(!response.text.contains("root:"))
        }
    }

    @Test("methods other than GET and HEAD get 405 with Allow")
    func otherMethods() async throws {
        try await withFixtureServer { client, _ in
            let response = try await client.send("/index.html", method: "POST", headers: ["Content-Length": "0"])
            #expect(response.status == 405)
            #expect(response["allow"] == "GET, HEAD")
        }
    }

    @Test("served HTML carries the reload script before </body>; the files on disk do not")
    func reloadScriptOnlyInResponses() async throws {
        try await withFixtureServer { client, _ in
            let page = try await client.get("/index.html").text
            let script = try #require(page.firstRange(of: ReloadSnippet.eventsPath))
            let bodyClose = try #require(page.firstRange(of: "</BODY>"))
            #expect(script.upperBound < bodyClose.lowerBound)
            #expect(page.contains("\"fixture-1\""))
            let css = try await client.get("/assets/style.css").text
            #expect(!css.contains(ReloadSnippet.eventsPath))
            let onDisk = try String(contentsOf: Fixture.site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!onDisk.contains(ReloadSnippet.eventsPath))
        }
    }
}
