import BroadsheetBuild
import Foundation
import Testing
@testable import BroadsheetServe

/// The whole loop on a temporary copy of a small project: build, serve, edit, rebuild, reload.
@Suite("Live reload of a project")
struct LiveReloadTests {
    /// `serve` running on a free port for a temporary project.
    struct Session {
        let project: TemporaryProject
        let server: PreviewServer
        let running: Task<Void, any Error>
        let client: RawHTTPClient

        /// `prepare` may break the project before the first build.
        init(prepare: (TemporaryProject) throws -> Void = { _ in }) async throws {
            project = try TemporaryProject()
            try prepare(project)
            var options = PreviewServer.Options(build: project.buildOptions, host: "127.0.0.1", port: 0)
            options.keepAliveInterval = .seconds(1)
            let server = try PreviewServer(options: options) { print("serve: \($0)") }
            self.server = server
            running = Task { try await server.run() }
            client = RawHTTPClient(port: try await server.port())
        }

        func waitForSite() async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            while await !server.hasSite, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        func listen() async throws -> EventStreamClient {
            try EventStreamClient(port: try await server.port())
        }

        func stop() async throws {
            await server.stop()
            try await running.value
            project.remove()
        }
    }

    /// The served article page whose text contains `marker`, found from the index's links.
    static func page(containing marker: String, client: RawHTTPClient) async throws -> String? {
        let index = try await client.get("/index.html").text
        let links = index.matches(of: /href="([^"#?]+\.html)"/).map { String($0.1) }
        for link in Set(links).sorted() where !link.hasPrefix("http") {
            if try await client.get("/" + link).text.contains(marker) { return "/" + link }
        }
        return nil
    }

    @Test("saving a seed rebuilds the site: open pages get a reload event and the page shows the fix")
    func seedEditReloads() async throws {
        let session = try await Session()
        try await session.waitForSite()
        let (project, client) = (session.project, session.client)
        let path = try #require(await Self.page(containing: "职业技能培洲", client: client))
        let before = try await client.get(path)
        let build = try #require(before.text.firstMatch(of: /var build = "([^"]+)"/)).1
        let events = try await session.listen()
        defer { events.close() }
        let hello = try await events.next("hello", within: .seconds(20))
        #expect(hello.data == build, "a page from the current build must not reload on connect")

        let seed = project.seeds.appendingPathComponent("001_sample.txt")
        let fixed = try String(contentsOf: seed, encoding: .utf8).replacingOccurrences(of: "培洲", with: "培训")
        let seen = events.events.count
        let saved = ContinuousClock.now
        try Data(fixed.utf8).write(to: seed)
        let reload = try await events.next("reload", skipping: seen, within: .seconds(60))
        let elapsed = reload.arrived - saved
        print("save→reload event: \(elapsed.formatted(.units(allowed: [.milliseconds], width: .narrow)))")

        let after = try await client.get(path)
        #expect(after.status == 200)
        #expect(after.text.contains("职业技能培训"))
        #expect(!after.text.contains("培洲"))
        #expect(after["etag"] != before["etag"])
        #expect(after.text.contains("var build = \"\(reload.data)\""))

        // The snippet lives only in responses: the output folder holds the plain site.
        let onDisk = try String(contentsOf: project.output.appendingPathComponent(String(path.dropFirst())), encoding: .utf8)
        #expect(onDisk.contains("职业技能培训"))
        #expect(!onDisk.contains(ReloadSnippet.eventsPath))

        try await session.stop()
    }

    @Test("a template that does not parse: pages get an error event and the last good site stays served")
    func brokenTemplateKeepsLastGoodSite() async throws {
        let session = try await Session()
        try await session.waitForSite()
        let (project, client) = (session.project, session.client)
        let path = try #require(await Self.page(containing: "职业技能培洲", client: client))
        let good = try await client.get(path)
        let events = try await session.listen()
        defer { events.close() }
        _ = try await events.next("hello", within: .seconds(20))

        let template = project.templates.appendingPathComponent("article.mustache")
        let original = try Data(contentsOf: template)
        try (original + Data("\n{{#unclosed}}\n".utf8)).write(to: template)
        let error = try await events.next("error", within: .seconds(60))
        #expect(error.data.contains("article.mustache"))

        let stillServed = try await client.get(path)
        #expect(stillServed.status == 200)
        #expect(stillServed.body == good.body)

        let seen = events.events.count
        try original.write(to: template)
        _ = try await events.next("reload", skipping: seen, within: .seconds(60))
        let late = try await session.listen()
        defer { late.close() }
        _ = try await late.next("hello", within: .seconds(20))
        try await Task.sleep(for: .milliseconds(300))
        #expect(!late.events.contains { $0.name == "error" }, "a good build clears the error")

        try await session.stop()
    }

    @Test("when the first build fails, pages wait on a 503 placeholder that shows the error, then reload")
    func firstBuildFails() async throws {
        var config = Data()
        let session = try await Session { project in
            config = try Data(contentsOf: project.config)
            try Data("topics: [\n".utf8).write(to: project.config)
        }
        let (project, client) = (session.project, session.client)
        let events = try await session.listen()
        defer { events.close() }

        let error = try await events.next("error", within: .seconds(60))
        #expect(error.data.contains("site.yml"))
        let placeholder = try await client.get("/index.html")
        #expect(placeholder.status == 503)
        #expect(placeholder.text.contains(ReloadSnippet.eventsPath))

        try config.write(to: project.config)
        _ = try await events.next("reload", within: .seconds(60))
        #expect(try await client.get("/index.html").status == 200)

        try await session.stop()
    }

    @Test("when the first build fails, the previous build in the output folder is served meanwhile")
    func previousBuildServedWhenFirstBuildFails() async throws {
        let session = try await Session { project in
            try SiteBuilder(options: project.buildOptions).build()
            try Data("topics: [\n".utf8).write(to: project.config)
        }
        let events = try await session.listen()
        defer { events.close() }
        _ = try await events.next("error", within: .seconds(60))
        let index = try await session.client.get("/index.html")
        #expect(index.status == 200)
        #expect(index.text.contains(ReloadSnippet.eventsPath))
        let onDisk = try String(contentsOf: session.project.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!onDisk.contains(ReloadSnippet.eventsPath))
        try await session.stop()
    }
}
