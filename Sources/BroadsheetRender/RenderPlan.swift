import BroadsheetModel

/// What every page of a site needs to know about the other articles, computed once per build by
/// `SiteRenderer.prepare`: the display order, each topic's list, each article's position in its
/// topics' lists (for the newer/older links) and the related lists.
public struct RenderPlan: Sendable {
    /// The articles newest first (see ArticleOrder); pages name articles by index into this.
    /// Their bodies may have been dropped (`dropBodies`) once their pages were rendered.
    public private(set) var ordered: [Article]
    /// Indices into `ordered` of each topic's articles, in display order.
    public let members: [String: [Int]]
    /// Articles per topic, for the navigation.
    public let counts: [String: Int]
    /// For each article, its position in each of its topics' lists.
    public let positions: [[String: Int]]
    /// For each article, indices of its related articles, best first.
    public let related: [[Int]]
    let views: ArticleViews

    /// `relatedLists` gives the related lists of `ordered` (see RelatedArticles); a build may
    /// take them from its cache instead of computing them.
    init(config: SiteConfig, ordered: [Article], relatedLists: ([Article]) throws -> [[Int]]) rethrows {
        self.ordered = ordered
        views = ArticleViews(config: config)
        var members: [String: [Int]] = [:]
        for topic in config.topics { members[topic.id] = [] }
        var positions = [[String: Int]](repeating: [:], count: ordered.count)
        for (index, article) in ordered.enumerated() {
            for id in Set(article.topics) where members[id] != nil {
                positions[index][id] = members[id]!.count
                members[id]!.append(index)
            }
        }
        self.members = members
        self.positions = positions
        counts = members.mapValues(\.count)
        related = try relatedLists(ordered)
    }

    /// Lets go of the bodies of `ordered[range]`, whose pages are rendered: nothing else in the
    /// plan reads a body (excerpts and related lists are made here, at the start), so a large
    /// site need not hold every article's text until the last page.
    public mutating func dropBodies(_ range: Range<Int>) {
        for i in range { ordered[i].body = [] }
    }
}
