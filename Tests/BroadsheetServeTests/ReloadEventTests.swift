import Foundation
import Testing
@testable import BroadsheetServe

@Suite("Reload events")
struct ReloadEventTests {
    @Test("a new listener hears the current build, then reloads and errors as they happen")
    func eventStream() async throws {
        try await withFixtureServer { client, server in
            let head = try await client.send(ReloadSnippet.eventsPath, method: "HEAD")
            #expect(head.status != 200, "HEAD is not a subscription")
            let events = try EventStreamClient(port: try await server.port())
            defer { events.close() }
            let hello = try await events.next("hello", within: .seconds(20))
            #expect(hello.data == "fixture-1")
            await server.hub.didFail("site.yml: error: bad\nsecond line")
            let error = try await events.next("error", within: .seconds(20))
            #expect(error.data == "site.yml: error: bad\nsecond line")
            await server.hub.didBuild("fixture-2")
            let reload = try await events.next("reload", within: .seconds(20))
            #expect(reload.data == "fixture-2")
        }
    }

    @Test("a listener that connects after a failed build is told the error at once")
    func lateListenerSeesError() async throws {
        try await withFixtureServer { _, server in
            await server.hub.didFail("Templates/article.mustache: error: template does not parse")
            let events = try EventStreamClient(port: try await server.port())
            defer { events.close() }
            let error = try await events.next("error", within: .seconds(20))
            #expect(error.data.contains("article.mustache"))
        }
    }

    @Test("stop() ends open event streams and the server's run returns")
    func stopEndsStreams() async throws {
        let site = try SiteSnapshot.load(from: Fixture.site)
        let server = try SiteHTTPServer(host: "127.0.0.1", port: 0, store: SiteStore(site), hub: ReloadHub(build: "b"))
        let running = Task { try await server.run() }
        let events = try EventStreamClient(port: try await server.port())
        _ = try await events.next("hello", within: .seconds(20))
        await server.stop()
        try await running.value
        #expect(await events.waitUntilEnded())
    }

    @Test("a page that goes away is forgotten at the next keep-alive")
    func closedListenersAreForgotten() async throws {
        try await withFixtureServer { _, server in
            let events = try EventStreamClient(port: try await server.port())
            _ = try await events.next("hello", within: .seconds(20))
            #expect(await server.hub.clientCount == 1)
            events.close()
            let deadline = ContinuousClock.now + .seconds(20)
            while await server.hub.clientCount > 0, ContinuousClock.now < deadline {
                await server.hub.sendKeepAlive()
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await server.hub.clientCount == 0)
        }
    }

    @Test("a port already in use is reported as such")
    func portInUse() async throws {
        try await withFixtureServer { _, server in
            let taken = try await server.port()
            let second = try SiteHTTPServer(host: "127.0.0.1", port: taken, store: SiteStore(), hub: ReloadHub(build: "b"))
            await #expect(throws: SiteHTTPServer.ListenError.self) { try await second.run() }
        }
    }
}
