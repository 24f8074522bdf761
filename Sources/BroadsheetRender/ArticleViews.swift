import BroadsheetModel

/// The Mustache contexts that describe one article: a list entry, or the full article page.
/// Absent values are `false`, never left out: Mustache would look them up in the enclosing
/// context (a related entry would show its parent article's kicker), and treats "" as true.
struct ArticleViews {
    let config: SiteConfig
    let excerpts: [String: String]

    init(config: SiteConfig, articles: [Article]) {
        self.config = config
        var excerpts: [String: String] = [:]
        for article in articles { excerpts[article.slug] = Excerpt.make(from: article.paragraphs) }
        self.excerpts = excerpts
    }

    func topicName(_ id: String) -> String? { config.topics.first { $0.id == id }?.name }

    /// `zh-Hant` for an article in traditional characters; nil when it matches the page.
    func lang(_ article: Article) -> String? { article.script == .traditional ? "zh-Hant" : nil }

    /// Where the story came from as a reader would say it: `新华社北京 · 第03版 · 记者观察`.
    func sourceLine(_ article: Article) -> String? {
        let parts = [article.dateline.map { $0.source + ($0.place ?? "") }, article.page.map(pageLabel), article.column]
        let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: " · ")
    }

    /// `03` → `第03版`; labels that already say 版 stay as printed.
    func pageLabel(_ page: String) -> String {
        page.contains("版") ? page : "第\(page)版"
    }

    /// Authors grouped by role in order of appearance: `记者 王龙飞 王佳丽 · 通讯员 李明`.
    func authorsLine(_ authors: [Author]) -> String? {
        guard !authors.isEmpty else { return nil }
        var roles: [String] = []
        var names: [String: [String]] = [:]
        for author in authors {
            let role = author.role ?? ""
            if names[role] == nil { roles.append(role) }
            names[role, default: []].append(author.name)
        }
        return roles.map { role in ((role.isEmpty ? [] : [role]) + names[role]!).joined(separator: " ") }.joined(separator: " · ")
    }

    /// A list entry: enough to choose whether to read on.
    func entry(_ article: Article, root: String, withTopics: Bool = false) -> [String: Any] {
        let source = sourceLine(article)
        let topics = withTopics ? nonEmpty(topicLinks(article, root: root)) : nil
        let fields: [String: Any?] = [
            "hasMeta": article.date != nil || source != nil || topics != nil,
            "url": root + SitePaths.article(article.slug),
            "title": article.title,
            "kicker": article.kicker,
            "date": DateText.display(article.date),
            "datetime": DateText.machine(article.date),
            "source": source,
            "excerpt": nonEmpty(excerpts[article.slug]),
            "lang": lang(article),
            "topics": topics,
        ]
        return fields.mapValues { $0 ?? false }
    }

    func topicLinks(_ article: Article, root: String) -> [[String: Any]] {
        article.topics.compactMap { id in
            topicName(id).map { ["id": id, "name": $0, "url": root + SitePaths.topicPage(id)] }
        }
    }

    /// Everything the article page shows.
    func page(_ article: Article, root: String, related: [Article], neighbours: [[String: Any]]) -> [String: Any] {
        let characters = ReadingTime.characters(in: article.plainText)
        let fields: [String: Any?] = [
            "title": article.title,
            "titleGenerated": article.titleGenerated ? true : nil,
            "kicker": article.kicker,
            "subtitle": article.subtitle,
            "date": DateText.display(article.date),
            "datetime": DateText.machine(article.date),
            "yearUnknown": article.date != nil && article.date?.year == nil ? true : nil,
            "source": sourceLine(article),
            "authors": authorsLine(article.authors),
            "readingMinutes": ReadingTime.minutes(forCharacters: characters),
            "characters": characters,
            "lang": lang(article),
            "topics": nonEmpty(topicLinks(article, root: root)),
            "markdownURL": root + SitePaths.articleMarkdown(article.slug),
            "sourceFile": article.source,
            "jumps": nonEmpty(article.jumps.joined(separator: "；")),
            "body": CommonMark.html(from: ArticleMarkdown.body(article.body)),
            "related": nonEmpty(related.map { entry($0, root: root) }),
            "hasRelated": !related.isEmpty,
            "neighbours": nonEmpty(neighbours),
        ]
        return fields.mapValues { $0 ?? false }
    }
}

func nonEmpty<C: Collection>(_ value: C?) -> C? {
    guard let value, !value.isEmpty else { return nil }
    return value
}
