import FlyingFox
import Foundation

/// The server's one handler: the reload event stream at `/__broadsheet/events`, the site for
/// every other path.
public struct PreviewHandler: HTTPHandler {
    let store: SiteStore
    let hub: ReloadHub

    public init(store: SiteStore, hub: ReloadHub) {
        self.store = store
        self.hub = hub
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.target.path() == ReloadSnippet.eventsPath, request.method == .GET {
            return await events()
        }
        let site = await store.current
        if site.isEmpty {
            return await noSiteYet(head: request.method == .HEAD)
        }
        return StaticSiteResponder(site: site).respond(to: request)
    }

    private func events() async -> HTTPResponse {
        let stream = await hub.subscribe()
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return HTTPResponse(
            statusCode: .ok,
            headers: headers,
            body: HTTPBodySequence(from: EventByteStream(messages: stream)))
    }

    /// Before the first good build there is nothing to serve; this page waits for one (and shows
    /// the build error, if the first build failed).
    private func noSiteYet(head: Bool) async -> HTTPResponse {
        let page = Data("""
            <!doctype html>
            <html lang="en"><meta charset="utf-8"><title>broadsheet serve: no site yet</title>
            <body><p>No site has been built yet. This page reloads by itself when a build succeeds;
            build errors show here and in the terminal.</p></body></html>

            """.utf8)
        let body = ReloadSnippet.inject(into: page, build: await hub.build)
        let headers: HTTPHeaders = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache",
                                    .contentLength: String(body.count)]
        return HTTPResponse(statusCode: .serviceUnavailable, headers: headers, body: head ? Data() : body)
    }
}
