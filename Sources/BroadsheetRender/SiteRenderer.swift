import BroadsheetModel
import Foundation

/// Renders every page of the site from the classified articles.
public struct SiteRenderer {
    public let config: SiteConfig
    public let templates: TemplateSet

    public init(config: SiteConfig, templates: TemplateSet) {
        self.config = config
        self.templates = templates
    }

    /// Articles newest first, then by slug, so that order never depends on input order.
    public static func sorted(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            let da = a.date ?? ArticleDate(year: nil, month: 0, day: 0)
            let db = b.date ?? ArticleDate(year: nil, month: 0, day: 0)
            return da != db ? da > db : a.slug < b.slug
        }
    }

    public func render(articles: [Article]) -> [OutputFile] {
        let ordered = Self.sorted(articles)
        var files: [OutputFile] = []
        for article in ordered {
            files.append(OutputFile(path: "articles/\(article.slug).md", text: ArticleMarkdown.render(article)))
            files.append(OutputFile(path: "articles/\(article.slug).html", text: page("article", root: "../", title: article.title, extra: articleContext(article))))
        }
        files.append(OutputFile(path: "index.html", text: page("index", root: "", title: config.title, extra: [
            "topics": config.topics.map { topic in
                ["id": topic.id, "name": topic.name, "description": topic.description,
                 "count": ordered.filter { $0.topics.contains(topic.id) }.count] as [String: Any]
            },
            "articles": ordered.map { entry($0, root: "") },
        ])))
        for topic in config.topics {
            let members = ordered.filter { $0.topics.contains(topic.id) }
            files.append(OutputFile(path: "topics/\(topic.id)/index.html", text: page("topic", root: "../../", title: topic.name, extra: [
                "topic": ["id": topic.id, "name": topic.name, "description": topic.description],
                "articles": members.map { entry($0, root: "../../") },
                "count": members.count,
            ])))
        }
        files.append(OutputFile(path: "search.html", text: page("search", root: "", title: "搜索", extra: [:])))
        files.append(OutputFile(path: "404.html", text: page("404", root: "", title: "页面未找到", extra: [:])))
        for asset in templates.assets { files.append(OutputFile(path: asset.path, bytes: asset.bytes)) }
        return files
    }

    private func page(_ template: String, root: String, title: String, extra: [String: Any]) -> String {
        var context: [String: Any] = [
            "root": root,
            "site": ["title": config.title, "language": config.language, "description": config.description],
            "pageTitle": title,
            "navTopics": config.topics.map { ["id": $0.id, "name": $0.name] },
        ]
        for (key, value) in extra { context[key] = value }
        return templates.render(template, context)
    }

    private func entry(_ article: Article, root: String) -> [String: Any] {
        [
            "url": "\(root)articles/\(article.slug).html",
            "title": article.title,
            "kicker": article.kicker ?? "",
            "date": article.date?.iso ?? "",
            "excerpt": String(article.paragraphs.first?.prefix(100) ?? ""),
        ]
    }

    private func articleContext(_ article: Article) -> [String: Any] {
        [
            "article": [
                "title": article.title,
                "kicker": article.kicker ?? "",
                "subtitle": article.subtitle ?? "",
                "date": article.date?.iso ?? "",
                "authors": article.authors.map(\.name).joined(separator: " "),
                "lang": article.script == .traditional ? "zh-Hant" : config.language,
                "markdownURL": "\(article.slug).md",
                "body": CommonMark.html(from: ArticleMarkdown.body(article.body)),
                "topics": article.topics.compactMap { id in
                    config.topics.first { $0.id == id }.map { ["id": $0.id, "name": $0.name, "url": "../topics/\($0.id)/index.html"] }
                },
            ] as [String: Any],
        ]
    }
}
