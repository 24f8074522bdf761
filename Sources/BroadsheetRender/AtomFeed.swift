import BroadsheetModel

/// Writes an Atom 1.0 feed of the newest fully dated articles. Articles whose year is unknown are
/// left out: Atom needs a full `updated` date and inventing one would mislead feed readers.
public struct AtomFeed: Sendable {
    public let urls: SiteURLs
    public let siteTitle: String
    public let language: String
    public var maximumEntries = 50

    public init(urls: SiteURLs, siteTitle: String, language: String = "zh-CN") {
        self.urls = urls
        self.siteTitle = siteTitle
        self.language = language
    }

    /// - Parameters:
    ///   - path: where the feed is written (`feed.xml`, `topics/<id>/feed.xml`).
    ///   - page: the HTML page the feed mirrors.
    ///   - articles: already in display order (newest first).
    ///   - summary: the excerpt of an article.
    public func xml(title: String, subtitle: String, path: String, page: String,
                    articles: [Article], topicNames: [String: String], summary: (Article) -> String) -> String {
        let entries = articles.filter { $0.date?.iso != nil }.prefix(maximumEntries)
        // The newest entry's date, so that the same input always yields the same feed.
        let updated = entries.first.map { timestamp($0.date!) } ?? "1970-01-01T00:00:00Z"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(language))\">\n"
        out += "<title>\(XMLText.escape(title))</title>\n"
        if !subtitle.isEmpty { out += "<subtitle>\(XMLText.escape(subtitle))</subtitle>\n" }
        out += "<id>\(XMLText.escape(urls.id(page)))</id>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(urls.link(path, from: path)))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(urls.link(page, from: path)))\"/>\n"
        out += "<updated>\(updated)</updated>\n"
        out += "<author><name>\(XMLText.escape(siteTitle))</name></author>\n"
        out += "<generator>Broadsheet</generator>\n"
        for article in entries {
            let articlePath = SitePaths.article(article.slug)
            let lang = article.script == .traditional ? " xml:lang=\"zh-Hant\"" : ""
            out += "<entry\(lang)>\n"
            out += "<title>\(XMLText.escape(article.title))</title>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(urls.link(articlePath, from: path)))\"/>\n"
            out += "<id>\(XMLText.escape(urls.id(articlePath)))</id>\n"
            out += "<published>\(timestamp(article.date!))</published>\n"
            out += "<updated>\(timestamp(article.date!))</updated>\n"
            for author in article.authors {
                out += "<author><name>\(XMLText.escape(author.name))</name></author>\n"
            }
            for topic in article.topics {
                let label = topicNames[topic].map { " label=\"\(XMLText.escape($0))\"" } ?? ""
                out += "<category term=\"\(XMLText.escape(topic))\"\(label)/>\n"
            }
            let text = summary(article)
            if !text.isEmpty {
                out += "<summary>\(XMLText.escape(text))</summary>\n"
            }
            out += "</entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// Midnight in China (UTC+8), where the papers are dated.
    private func timestamp(_ date: ArticleDate) -> String { "\(date.iso!)T00:00:00+08:00" }
}

/// sitemap.xml for search engines. The sitemap protocol requires absolute URLs, so it is written
/// only when a base URL is configured; a site read from disk has no use for it.
public struct Sitemap: Sendable {
    public let urls: SiteURLs
    public init(urls: SiteURLs) { self.urls = urls }

    public func xml(pages: [String]) -> String? {
        guard urls.base != nil else { return nil }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            out += "<url><loc>\(XMLText.escape(urls.link(page, from: SitePaths.sitemap)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
