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

    public func render(articles: [Article]) -> [OutputFile] {
        let ordered = Self.sorted(articles)
        let views = ArticleViews(config: config, articles: ordered)
        let bySlug = Dictionary(ordered.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let related = RelatedArticles().related(in: ordered)
        let members = Dictionary(uniqueKeysWithValues: config.topics.map { topic in
            (topic.id, ordered.filter { $0.topics.contains(topic.id) })
        })
        let counts = members.mapValues(\.count)
        // Position of each article in each topic list, so neighbours are found in constant time.
        let positions = members.mapValues { list in
            Dictionary(uniqueKeysWithValues: list.enumerated().map { ($0.element.slug, $0.offset) })
        }
        var files: [OutputFile] = []
        var pages: [String] = []
        func emit(_ path: String, _ template: String, title: String, extra: [String: Any], current: String? = nil) {
            files.append(OutputFile(path: path, text: page(template, path: path, title: title, extra: extra, current: current, counts: counts)))
            if path != SitePaths.notFound { pages.append(path) }
        }

        for article in ordered {
            let path = SitePaths.article(article.slug)
            let root = SitePaths.root(for: path)
            files.append(OutputFile(path: SitePaths.articleMarkdown(article.slug), text: ArticleMarkdown.render(article)))
            let neighbours = article.topics.compactMap { id in members[id].map { neighbourLinks(of: article, in: $0, at: positions[id]?[article.slug], topic: id, root: root, views: views) } }
            let relatedArticles = (related[article.slug] ?? []).compactMap { bySlug[$0] }
            emit(path, "article", title: article.title, extra: [
                "article": views.page(article, root: root, related: relatedArticles, neighbours: neighbours), "hl": 3,
            ])
        }

        emit(SitePaths.home, "index", title: config.title, extra: [
            "hl": 3,
            "topics": config.topics.map { topic in
                let list = members[topic.id] ?? []
                return [
                    "id": topic.id, "name": topic.name, "description": topic.description, "count": list.count,
                    "url": SitePaths.topicPage(topic.id),
                    "latest": list.prefix(latestPerTopicOnHome).map { views.entry($0, root: "") },
                ] as [String: Any]
            },
            "latest": ordered.prefix(latestOnHome).map { views.entry($0, root: "", withTopics: true) },
            "total": ordered.count,
        ], current: SitePaths.home)

        for topic in config.topics {
            let list = members[topic.id] ?? []
            let pagination = Pagination(itemCount: list.count, pageSize: pageSize)
            for number in 1...pagination.pageCount {
                let path = SitePaths.topicPage(topic.id, page: number)
                let root = SitePaths.root(for: path)
                let title = number == 1 ? topic.name : "\(topic.name)（第\(number)页）"
                emit(path, "topic", title: title, extra: [
                    "topic": ["id": topic.id, "name": topic.name, "description": topic.description,
                              "count": list.count, "feedURL": root + SitePaths.topicFeed(topic.id)] as [String: Any],
                    "articles": list[pagination.range(ofPage: number)].map { views.entry($0, root: root) },
                    "pagination": paginationContext(pagination, page: number, topic: topic.id, root: root) ?? false,
                    "feedURL": root + SitePaths.topicFeed(topic.id),
                    "feedTitle": "\(topic.name) · \(config.title)",
                ], current: SitePaths.topicPage(topic.id))
            }
        }

        emit(SitePaths.overview, "overview", title: "数据概览", extra: overviewContext(ordered), current: SitePaths.overview)
        emit(SitePaths.archive, "archive", title: "文章归档", extra: archiveContext(ordered, views: views), current: SitePaths.archive)
        emit(SitePaths.search, "search", title: "搜索", extra: ["isSearch": true], current: SitePaths.search)
        emit(SitePaths.notFound, "404", title: "页面未找到", extra: [:])

        let urls = SiteURLs(baseURL: config.baseURL)
        let feed = AtomFeed(urls: urls, siteTitle: config.title, language: config.language)
        let names = Dictionary(uniqueKeysWithValues: config.topics.map { ($0.id, $0.name) })
        files.append(OutputFile(path: SitePaths.feed, text: feed.xml(
            title: config.title, subtitle: config.description, path: SitePaths.feed, page: SitePaths.home,
            articles: ordered, topicNames: names, summaries: views.excerpts)))
        for topic in config.topics {
            files.append(OutputFile(path: SitePaths.topicFeed(topic.id), text: feed.xml(
                title: "\(topic.name) · \(config.title)", subtitle: topic.description, path: SitePaths.topicFeed(topic.id),
                page: SitePaths.topicPage(topic.id), articles: members[topic.id] ?? [], topicNames: names, summaries: views.excerpts)))
        }
        if let sitemap = Sitemap(urls: urls).xml(pages: pages) {
            files.append(OutputFile(path: SitePaths.sitemap, text: sitemap))
        }
        for asset in templates.assets { files.append(OutputFile(path: asset.path, bytes: asset.bytes)) }
        return files
    }

    /// The context every page shares: links home, to the topics and the tools, and the search form.
    private func page(_ template: String, path: String, title: String, extra: [String: Any], current: String?,
                      counts: [String: Int]) -> String {
        // The 404 page is served at any depth, so with a base URL its links are absolute.
        let root = path == SitePaths.notFound ? (SiteURLs(baseURL: config.baseURL).base ?? "") : SitePaths.root(for: path)
        func navItem(_ name: String, _ target: String) -> [String: Any] {
            ["name": name, "url": root + target, "current": target == current]
        }
        var context: [String: Any] = [
            "root": root,
            "site": ["title": config.title, "language": config.language, "description": config.description],
            "pageTitle": title,
            "isHome": path == SitePaths.home,
            "navTopics": config.topics.map { topic in
                navItem(topic.name, SitePaths.topicPage(topic.id)).merging([
                    "id": topic.id, "count": counts[topic.id] ?? 0, "feedURL": root + SitePaths.topicFeed(topic.id),
                ]) { $1 }
            },
            "navTools": [navItem("概览", SitePaths.overview), navItem("归档", SitePaths.archive)],
            "feedURL": root + SitePaths.feed,
            "feedTitle": config.title,
            // Heading level of list entries, one below the section that holds them.
            "hl": 2,
        ]
        for (key, value) in extra { context[key] = value }
        return templates.render(template, context)
    }

    /// Previous (newer) and next (older) article within one topic's list.
    private func neighbourLinks(of article: Article, in list: [Article], at position: Int?, topic: String, root: String, views: ArticleViews) -> [String: Any] {
        var result: [String: Any] = ["name": views.topicName(topic) ?? topic, "url": root + SitePaths.topicPage(topic),
                                     "newer": false, "older": false]
        guard let index = position else { return result }
        if index > 0 { result["newer"] = views.entry(list[index - 1], root: root) }
        if index + 1 < list.count { result["older"] = views.entry(list[index + 1], root: root) }
        return result
    }

    private func paginationContext(_ pagination: Pagination, page: Int, topic: String, root: String) -> [String: Any]? {
        guard pagination.pageCount > 1 else { return nil }
        var context: [String: Any] = [
            "current": page, "count": pagination.pageCount, "previous": false, "next": false,
            "pages": pagination.visiblePages(around: page).map { number -> [String: Any] in
                guard let number else { return ["gap": true] }
                return ["number": number, "url": root + SitePaths.topicPage(topic, page: number), "current": number == page, "gap": false]
            },
        ]
        if page > 1 { context["previous"] = root + SitePaths.topicPage(topic, page: page - 1) }
        if page < pagination.pageCount { context["next"] = root + SitePaths.topicPage(topic, page: page + 1) }
        return context
    }

    private func overviewContext(_ ordered: [Article]) -> [String: Any] {
        let counts = MonthlyCounts(articles: ordered, topics: config.topics)
        var context: [String: Any] = [
            "topicNames": counts.series.map { ["name": $0.name] },
            "totals": counts.series.map { ["name": $0.name, "total": $0.total, "url": SitePaths.topicPage($0.id)] },
            "undated": counts.undated > 0 ? counts.undated : false,
            "chart": false,
        ]
        if !counts.months.isEmpty {
            context["chart"] = MonthlyChart().svg(counts)
            // The table lists only months with articles: the chart already shows the empty ones.
            context["rows"] = counts.months.indices.compactMap { index -> [String: Any]? in
                let values = counts.series.map { $0.counts[index] }
                guard values.contains(where: { $0 > 0 }) else { return nil }
                return ["label": counts.months[index].label, "values": values.map { ["value": $0] }]
            }
        }
        return context
    }

    private func archiveContext(_ ordered: [Article], views: ArticleViews) -> [String: Any] {
        let groups = ArchiveGroups(articles: ordered)
        func months(_ list: [ArchiveGroups.Month], prefix: String, label: (Int) -> String) -> [[String: Any]] {
            list.map { ["id": "\(prefix)-\(String(format: "%02d", $0.month))", "label": label($0.month),
                        "count": $0.articles.count, "articles": $0.articles.map { views.entry($0, root: "") }] }
        }
        var context: [String: Any] = [
            "years": groups.years.map { year -> [String: Any] in
                ["year": year.year, "id": "y\(year.year)", "count": year.months.reduce(0) { $0 + $1.articles.count },
                 "months": months(year.months, prefix: "y\(year.year)") { "\(year.year)年\($0)月" }]
            },
            "yearUnknown": false, "undated": false,
            "hasYearUnknown": !groups.yearUnknown.isEmpty, "hasUndated": !groups.undated.isEmpty,
            "hasJumps": groups.years.count + (groups.yearUnknown.isEmpty ? 0 : 1) + (groups.undated.isEmpty ? 0 : 1) > 1,
            "hasArticles": !ordered.isEmpty,
        ]
        if !groups.yearUnknown.isEmpty {
            context["yearUnknown"] = months(groups.yearUnknown, prefix: "yx") { "\($0)月" }
        }
        if !groups.undated.isEmpty { context["undated"] = groups.undated.map { views.entry($0, root: "") } }
        return context
    }
}
