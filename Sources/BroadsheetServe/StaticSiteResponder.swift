import FlyingFox
import Foundation

/// Answers GET and HEAD for the files of one site snapshot: folder paths serve `index.html`,
/// unknown paths the site's `404.html` with status 404, unchanged files 304 to `If-None-Match`.
public struct StaticSiteResponder: Sendable {
    public let site: SiteSnapshot

    public init(site: SiteSnapshot) {
        self.site = site
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let rawPath = RequestPath.originForm(request.target.path())
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.", extra: [.allow: "GET, HEAD"], head: isHead)
        }
        guard case .file(let path) = RequestPath.resolve(rawPath) else {
            return Self.plain(.forbidden, "That path is not part of the site.", head: isHead)
        }
        if let file = site[path] {
            return Self.serve(file, status: .ok, request: request, head: isHead)
        }
        if site[path + "/index.html"] != nil {
            // A folder without its slash: redirect so that the page's relative links resolve.
            let query = request.target.query()
            let location = rawPath + "/" + (query.isEmpty ? "" : "?" + query)
            return Self.plain(.movedPermanently, "Moved to \(location)", extra: [.location: location], head: isHead)
        }
        if let notFound = site["404.html"] {
            return Self.serve(notFound, status: .notFound, request: nil, head: isHead)
        }
        return Self.plain(.notFound, "Not found.", head: isHead)
    }

    /// `request` is nil for error pages, which are never answered with 304.
    static func serve(_ file: SiteSnapshot.File, status: HTTPStatusCode, request: HTTPRequest?, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: file.contentType,
            // Always revalidate: a preview must never show a stale page after a rebuild.
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
            .contentLength: String(file.bytes.count),
        ]
        guard status == .ok else {
            return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : file.bytes)
        }
        headers[.eTag] = file.etag
        if let request, Self.matches(request.headers[.ifNoneMatch], etag: file.etag) {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : file.bytes)
    }

    /// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored.
    static func matches(_ ifNoneMatch: String?, etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        let opaque = { (tag: Substring) -> Substring in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)[...]
            return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            let tag = opaque(candidate)
            return tag == "*" || tag == opaque(etag[...])
        }
    }

    static func plain(_ status: HTTPStatusCode, _ message: String, extra: HTTPHeaders = [:], head: Bool) -> HTTPResponse {
        let body = Data((message + "\n").utf8)
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(body.count)
        headers[.cacheControl] = "no-cache"
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : body)
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
    static let xContentTypeOptions = HTTPHeader("X-Content-Type-Options")
}
