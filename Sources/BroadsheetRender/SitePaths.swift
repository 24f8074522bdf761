/// Where each page lives in public/ and how pages link to each other. Every link is relative and
/// names a file, so the site works when opened from disk (a folder link would show a listing).
public enum SitePaths {
    /// The prefix that leads from the page at `path` back to the site's root folder:
    /// `""` for `index.html`, `"../"` for `articles/x.html`, `"../../"` for `topics/id/index.html`.
    public static func root(for path: String) -> String {
        String(repeating: "../", count: path.filter { $0 == "/" }.count)
    }

    public static func article(_ slug: String) -> String { "articles/\(slug).html" }
    public static func articleMarkdown(_ slug: String) -> String { "articles/\(slug).md" }

    /// Page 1 of a topic is its `index.html`; later pages are `page-N.html` beside it.
    public static func topicPage(_ id: String, page: Int = 1) -> String {
        page <= 1 ? "topics/\(id)/index.html" : "topics/\(id)/page-\(page).html"
    }

    public static func topicFeed(_ id: String) -> String { "topics/\(id)/feed.xml" }
    public static let home = "index.html"
    public static let search = "search.html"
    public static let overview = "overview.html"
    public static let archive = "archive.html"
    public static let feed = "feed.xml"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
}
