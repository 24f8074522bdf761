import Foundation

/// Turns a site path into the URL a file outside the page tree (feed, sitemap) should carry.
/// With a base URL: absolute. Without: relative to the file that carries it, never absolute.
public struct SiteURLs: Sendable {
    /// The configured base URL, ending in `/`; nil when `base_url` is not set.
    public let base: String?

    public init(baseURL: String?) {
        guard let raw = baseURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            base = nil
            return
        }
        base = raw.hasSuffix("/") ? raw : raw + "/"
    }

    /// The URL of `path` as written in the file at `from`.
    public func link(_ path: String, from: String) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        if let base { return base + encoded }
        return SitePaths.root(for: from) + encoded
    }

    /// A permanent id for an Atom feed or entry: the absolute URL when a base is set, otherwise
    /// a `tag:` URI (RFC 4151), which Atom accepts and which needs no host.
    public func id(_ path: String) -> String {
        if let base { return base + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) }
        return "tag:broadsheet.invalid,2025:" + path
    }
}
