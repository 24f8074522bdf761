import BroadsheetModel

/// A page of the site that is not an article's (home, topic pages, overview, archive, search,
/// 404, feeds, sitemap), described before it is rendered so that a build can tell whether it
/// would come out as last time. Beside the site itself (configuration, templates, topic counts),
/// such a page is made of the list entries of the articles in `shows` (by index into
/// `RenderPlan.ordered`; see `RenderPlan.entryFingerprint`) and of `facts`, its other values.
public struct ListingPage {
    public let path: String
    public let shows: [Int]
    public let facts: [String]
    let make: () -> OutputFile

    init(path: String, shows: [Int], facts: [String], make: @escaping () -> OutputFile) {
        self.path = path
        self.shows = shows
        self.facts = facts
        self.make = make
    }

    public func render() -> OutputFile { make() }
}

extension RenderPlan {
    /// Every value of the article at `index` that a list entry, a feed entry, the overview or the
    /// archive shows of it, in a fixed order: two equal fingerprints give equal entries. It holds
    /// the excerpt, so it is worth keeping per article (a build caches it by article).
    public func entryFingerprint(at index: Int) -> String {
        let article = ordered[index]
        var parts: [String] = [article.slug, article.title, article.kicker ?? "\u{0}"]
        parts.append(article.date.map { "\($0.year.map(String.init) ?? "-")/\($0.month)/\($0.day)" } ?? "\u{0}")
        parts.append(views.sourceLine(article) ?? "\u{0}")
        parts.append(views.excerpt(of: article))
        parts.append(article.script.rawValue)
        parts.append(article.topics.joined(separator: "\u{1}"))
        parts.append(article.authors.map { "\($0.role ?? "\u{0}")\u{1}\($0.name)" }.joined(separator: "\u{2}"))
        return parts.joined(separator: "\u{1F}")
    }
}
