import BroadsheetModel
import Foundation

/// Renders every page of the site from the classified articles: home, topic pages (paginated),
/// article pages, overview chart, archive, search, 404, Atom feeds and, with a base URL, a sitemap.
public struct SiteRenderer {
    public let config: SiteConfig
    public let templates: TemplateSet
    public var pageSize = 20
    public var latestOnHome = 8
    public var latestPerTopicOnHome = 3

    public init(config: SiteConfig, templates: TemplateSet) {
        self.config = config
        self.templates = templates
    }

    /// Articles newest first, then by slug, so that order never depends on input order.
    public static func sorted(_ articles: [Article]) -> [Article] { ArticleOrder.sorted(articles) }

    /// Every file of the site at once: the article pages, then the listings (see `prepare`).
    public func render(articles: [Article]) -> [OutputFile] {
        let plan = prepare(articles: articles)
        return plan.ordered.indices.flatMap { renderArticle(at: $0, plan) } + renderListings(plan)
    }

    /// The site-wide facts every page needs (order, topic lists and positions, related lists,
    /// excerpts), computed once; the pages are then rendered one at a time, in any order or in
    /// parallel, so that they need not all be held at once.
    public func prepare(articles: [Article]) -> RenderPlan {
        prepare(articles: articles) { RelatedArticles().relatedIndices(in: $0) }
    }

    /// The plan, with the related lists of the ordered articles from `relatedLists`.
    public func prepare(articles: [Article], relatedLists: ([Article]) throws -> [[Int]]) rethrows -> RenderPlan {
        try RenderPlan(config: config, ordered: Self.sorted(articles), relatedLists: relatedLists)
    }

    /// The Markdown copy and the HTML page of the article at `index` in `plan.ordered`.
    public func renderArticle(at index: Int, _ plan: RenderPlan) -> [OutputFile] {
        let article = plan.ordered[index]
        let body = CommonMark.html(from: ArticleMarkdown.body(article.body))
        return [
            OutputFile(path: SitePaths.articleMarkdown(article.slug), text: ArticleMarkdown.render(article)),
            OutputFile(path: SitePaths.article(article.slug),
                       text: templates.render("article", .object(articleContext(at: index, plan, body: body)))),
        ]
    }

    private func articleContext(at index: Int, _ plan: RenderPlan, body: String) -> TemplateObject {
        let article = plan.ordered[index]
        let path = SitePaths.article(article.slug)
        let root = SitePaths.root(for: path)
        let neighbours = article.topics.compactMap { id in
            plan.members[id].map { neighbourLinks(in: $0, at: plan.positions[index][id], topic: id, root: root, plan: plan) }
        }
        let related = plan.related[index].map { plan.ordered[$0] }
        return pageContext(path: path, title: article.title, extra: [
            "article": plan.views.page(article, root: root, body: body, related: related, neighbours: neighbours), "hl": 3,
        ], current: nil, counts: plan.counts)
    }

    /// Every page but the articles': home, topic pages, overview, archive, search, 404, the
    /// feeds, the sitemap (which lists the article pages too) and the assets. `skip` is asked
    /// about each listing page before it is rendered: a page it answers true for is not rendered
    /// (a build took it from the previous site).
    public func renderListings(_ plan: RenderPlan, skip: (ListingPage) -> Bool = { _ in false }) -> [OutputFile] {
        var files: [OutputFile] = []
        renderListings(plan, skip: skip) { files += $0 }
        return files
    }

    /// The listings as `renderListings(_:skip:)` makes them, handed to `write` a few at a time as
    /// they are rendered: a large site has thousands of topic pages, which need not all be held.
    public func renderListings(_ plan: RenderPlan, skip: (ListingPage) -> Bool = { _ in false },
                               write: ([OutputFile]) throws -> Void) rethrows {
        var files: [OutputFile] = []
        for listing in listingPages(plan) where !skip(listing) {
            files.append(listing.render())
            if files.count == Self.listingsPerWrite {
                try write(files)
                files = []
            }
        }
        for asset in templates.assets { files.append(OutputFile(path: asset.path, bytes: asset.bytes)) }
        try write(files)
    }

    /// Listing files rendered between two writes.
    static let listingsPerWrite = 64

    /// The listing pages, each with what it shows (see `ListingPage`), not yet rendered.
    public func listingPages(_ plan: RenderPlan) -> [ListingPage] {
        let ordered = plan.ordered
        let views = plan.views
        func list(_ id: String) -> [Article] { (plan.members[id] ?? []).map { ordered[$0] } }
        var listings: [ListingPage] = []
        let all = Array(ordered.indices)
        func emit(_ path: String, _ template: String, title: String, shows: [Int], facts: [String] = [],
                  current: String? = nil, extra: @escaping () -> TemplateObject) {
            listings.append(ListingPage(path: path, shows: shows, facts: [template, title] + facts) {
                OutputFile(path: path, text: page(template, path: path, title: title, extra: extra(), current: current, counts: plan.counts))
            })
        }

        let homeShows = Array(ordered.indices.prefix(latestOnHome))
            + config.topics.flatMap { (plan.members[$0.id] ?? []).prefix(latestPerTopicOnHome) }
        emit(SitePaths.home, "index", title: config.title, shows: homeShows, facts: ["\(ordered.count)"], current: SitePaths.home) {
            [
                "hl": 3,
                "topics": .list(config.topics.map { topic in
                    let list = list(topic.id)
                    return [
                        "id": .text(topic.id), "name": .text(topic.name), "description": .text(topic.description),
                        "count": .number(list.count), "url": .text(SitePaths.topicPage(topic.id)),
                        "latest": .list(list.prefix(latestPerTopicOnHome).map { views.entry($0, root: "") }),
                    ]
                }),
                "latest": .list(ordered.prefix(latestOnHome).map { views.entry($0, root: "", withTopics: true) }),
                "total": .number(ordered.count),
            ]
        }

        for topic in config.topics {
            let members = plan.members[topic.id] ?? []
            let pagination = Pagination(itemCount: members.count, pageSize: pageSize)
            for number in 1...pagination.pageCount {
                let path = SitePaths.topicPage(topic.id, page: number)
                let root = SitePaths.root(for: path)
                let title = number == 1 ? topic.name : "\(topic.name)（第\(number)页）"
                let range = pagination.range(ofPage: number)
                emit(path, "topic", title: title, shows: Array(members[range]), facts: [topic.id, "\(members.count)", "\(number)"],
                     current: SitePaths.topicPage(topic.id)) {
                    [
                        "topic": ["id": .text(topic.id), "name": .text(topic.name), "description": .text(topic.description),
                                  "count": .number(members.count), "feedURL": .text(root + SitePaths.topicFeed(topic.id))],
                        "articles": .list(members[range].map { views.entry(ordered[$0], root: root) }),
                        "pagination": paginationContext(pagination, page: number, topic: topic.id, root: root) ?? false,
                        "feedURL": .text(root + SitePaths.topicFeed(topic.id)),
                        "feedTitle": .text("\(topic.name) · \(config.title)"),
                    ]
                }
            }
        }

        emit(SitePaths.overview, "overview", title: "数据概览", shows: all, current: SitePaths.overview) { overviewContext(ordered) }
        emit(SitePaths.archive, "archive", title: "文章归档", shows: all, current: SitePaths.archive) { archiveContext(ordered, views: views) }
        emit(SitePaths.search, "search", title: "搜索", shows: [], current: SitePaths.search) { ["isSearch": true] }
        emit(SitePaths.notFound, "404", title: "页面未找到", shows: []) { [:] }

        let urls = SiteURLs(baseURL: config.baseURL)
        let feed = AtomFeed(urls: urls, siteTitle: config.title, language: config.language)
        let names = Dictionary(uniqueKeysWithValues: config.topics.map { ($0.id, $0.name) })
        let summary = { (article: Article) in views.excerpt(of: article) }
        // A feed shows its newest fully dated articles; its key covers every article of its list.
        listings.append(ListingPage(path: SitePaths.feed, shows: all, facts: ["feed"]) {
            OutputFile(path: SitePaths.feed, text: feed.xml(
                title: config.title, subtitle: config.description, path: SitePaths.feed, page: SitePaths.home,
                articles: ordered, topicNames: names, summary: summary))
        })
        for topic in config.topics {
            listings.append(ListingPage(path: SitePaths.topicFeed(topic.id), shows: plan.members[topic.id] ?? [], facts: ["feed", topic.id]) {
                OutputFile(path: SitePaths.topicFeed(topic.id), text: feed.xml(
                    title: "\(topic.name) · \(config.title)", subtitle: topic.description, path: SitePaths.topicFeed(topic.id),
                    page: SitePaths.topicPage(topic.id), articles: list(topic.id), topicNames: names, summary: summary))
            })
        }
        if urls.base != nil {
            let pages = ordered.map { SitePaths.article($0.slug) } + listings.map(\.path).filter { $0 != SitePaths.notFound && !$0.hasSuffix(".xml") }
            listings.append(ListingPage(path: SitePaths.sitemap, shows: all, facts: ["sitemap"] + pages) {
                OutputFile(path: SitePaths.sitemap, text: Sitemap(urls: urls).xml(pages: pages) ?? "")
            })
        }
        return listings
    }

    /// The context every page shares: links home, to the topics and the tools, and the search form.
    private func page(_ template: String, path: String, title: String, extra: TemplateObject, current: String?,
                      counts: [String: Int]) -> String {
        templates.render(template, .object(pageContext(path: path, title: title, extra: extra, current: current, counts: counts)))
    }

    private func pageContext(path: String, title: String, extra: TemplateObject, current: String?,
                             counts: [String: Int]) -> TemplateObject {
        // The 404 page is served at any depth, so with a base URL its links are absolute.
        let root = path == SitePaths.notFound ? (SiteURLs(baseURL: config.baseURL).base ?? "") : SitePaths.root(for: path)
        func navItem(_ name: String, _ target: String) -> TemplateObject {
            ["name": .text(name), "url": .text(root + target), "current": .flag(target == current)]
        }
        var context: TemplateObject = [
            "root": .text(root),
            "site": ["title": .text(config.title), "language": .text(config.language), "description": .text(config.description)],
            "pageTitle": .text(title),
            "isHome": .flag(path == SitePaths.home),
            "navTopics": .list(config.topics.map { topic in
                var item = navItem(topic.name, SitePaths.topicPage(topic.id))
                item["id"] = .text(topic.id)
                item["count"] = .number(counts[topic.id] ?? 0)
                item["feedURL"] = .text(root + SitePaths.topicFeed(topic.id))
                return .object(item)
            }),
            "navTools": [.object(navItem("概览", SitePaths.overview)), .object(navItem("归档", SitePaths.archive))],
            "feedURL": .text(root + SitePaths.feed),
            "feedTitle": .text(config.title),
            // Heading level of list entries, one below the section that holds them.
            "hl": 2,
        ]
        for (key, value) in extra.pairs { context[key] = value }
        return context
    }

    /// Previous (newer) and next (older) article within one topic's list.
    private func neighbourLinks(in list: [Int], at position: Int?, topic: String, root: String, plan: RenderPlan) -> TemplateValue {
        var result: TemplateObject = ["name": .text(plan.views.topicName(topic) ?? topic), "url": .text(root + SitePaths.topicPage(topic)),
                                      "newer": false, "older": false]
        guard let index = position else { return .object(result) }
        if index > 0 { result["newer"] = plan.views.entry(plan.ordered[list[index - 1]], root: root) }
        if index + 1 < list.count { result["older"] = plan.views.entry(plan.ordered[list[index + 1]], root: root) }
        return .object(result)
    }

    private func paginationContext(_ pagination: Pagination, page: Int, topic: String, root: String) -> TemplateValue? {
        guard pagination.pageCount > 1 else { return nil }
        var context: TemplateObject = [
            "current": .number(page), "count": .number(pagination.pageCount), "previous": false, "next": false,
            "pages": .list(pagination.visiblePages(around: page).map { number -> TemplateValue in
                guard let number else { return ["gap": true] }
                return ["number": .number(number), "url": .text(root + SitePaths.topicPage(topic, page: number)),
                        "current": .flag(number == page), "gap": false]
            }),
        ]
        if page > 1 { context["previous"] = .text(root + SitePaths.topicPage(topic, page: page - 1)) }
        if page < pagination.pageCount { context["next"] = .text(root + SitePaths.topicPage(topic, page: page + 1)) }
        return .object(context)
    }

    private func overviewContext(_ ordered: [Article]) -> TemplateObject {
        let counts = MonthlyCounts(articles: ordered, topics: config.topics)
        var context: TemplateObject = [
            "topicNames": .list(counts.series.map { ["name": .text($0.name)] }),
            "totals": .list(counts.series.map { ["name": .text($0.name), "total": .number($0.total), "url": .text(SitePaths.topicPage($0.id))] }),
            "undated": counts.undated > 0 ? .number(counts.undated) : false,
            "chart": false,
        ]
        if !counts.months.isEmpty {
            context["chart"] = .text(MonthlyChart().svg(counts))
            // The table lists only months with articles: the chart already shows the empty ones.
            context["rows"] = .list(counts.months.indices.compactMap { index -> TemplateValue? in
                let values = counts.series.map { $0.counts[index] }
                guard values.contains(where: { $0 > 0 }) else { return nil }
                return ["label": .text(counts.months[index].label), "values": .list(values.map { ["value": .number($0)] })]
            })
        }
        return context
    }

    private func archiveContext(_ ordered: [Article], views: ArticleViews) -> TemplateObject {
        let groups = ArchiveGroups(articles: ordered)
        func months(_ list: [ArchiveGroups.Month], prefix: String, label: (Int) -> String) -> TemplateValue {
            .list(list.map { ["id": .text("\(prefix)-\(String(format: "%02d", $0.month))"), "label": .text(label($0.month)),
                              "count": .number($0.articles.count), "articles": .list($0.articles.map { views.entry($0, root: "") })] })
        }
        var context: TemplateObject = [
            "years": .list(groups.years.map { year -> TemplateValue in
                ["year": .number(year.year), "id": .text("y\(year.year)"), "count": .number(year.months.reduce(0) { $0 + $1.articles.count }),
                 "months": months(year.months, prefix: "y\(year.year)") { "\(year.year)年\($0)月" }]
            }),
            "yearUnknown": false, "undated": false,
            "hasYearUnknown": .flag(!groups.yearUnknown.isEmpty), "hasUndated": .flag(!groups.undated.isEmpty),
            "hasJumps": .flag(groups.years.count + (groups.yearUnknown.isEmpty ? 0 : 1) + (groups.undated.isEmpty ? 0 : 1) > 1),
            "hasArticles": .flag(!ordered.isEmpty),
        ]
        if !groups.yearUnknown.isEmpty {
            context["yearUnknown"] = months(groups.yearUnknown, prefix: "yx") { "\($0)月" }
        }
        if !groups.undated.isEmpty { context["undated"] = .list(groups.undated.map { views.entry($0, root: "") }) }
        return context
    }
}
