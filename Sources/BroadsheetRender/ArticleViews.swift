import BroadsheetModel

/// The Mustache contexts that describe one article: a list entry, or the full article page.
/// Absent values are `false`, never left out: Mustache would look them up in the enclosing
/// context (a related entry would show its parent article's kicker), and treats "" as true.
struct ArticleViews {
    let config: SiteConfig

    /// The article's list-entry excerpt: the one made at ingest (`Article.excerpt`; a build's
    /// articles all have it, and their bodies may be gone by now), else made from the body.
    func excerpt(of article: Article) -> String { article.excerpt ?? Excerpt.of(article) }

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
    func entry(_ article: Article, root: String, withTopics: Bool = false) -> TemplateValue {
        let source = sourceLine(article)
        let topics = withTopics ? nonEmpty(topicLinks(article, root: root)) : nil
        return [
            "hasMeta": .flag(article.date != nil || source != nil || topics != nil),
            "url": .text(root + SitePaths.article(article.slug)),
            "title": .text(article.title),
            "kicker": .text(article.kicker),
            "date": .text(DateText.display(article.date)),
            "datetime": .text(DateText.machine(article.date)),
            "source": .text(source),
            "excerpt": .text(nonEmpty(excerpt(of: article))),
            "lang": .text(lang(article)),
            "topics": topics.map { .list($0) } ?? false,
        ]
    }

    func topicLinks(_ article: Article, root: String) -> [TemplateValue] {
        article.topics.compactMap { id in
            topicName(id).map { ["id": .text(id), "name": .text($0), "url": .text(root + SitePaths.topicPage(id))] }
        }
    }

    /// Everything the article page shows.
    /// `body` is the article's HTML (or, for a dependency key, its Markdown).
    func page(_ article: Article, root: String, body: String, related: [Article], neighbours: [TemplateValue]) -> TemplateValue {
        let characters = ReadingTime.characters(in: article.plainText)
        let topics = topicLinks(article, root: root)
        return [
            "title": .text(article.title),
            "titleGenerated": .flag(article.titleGenerated),
            "kicker": .text(article.kicker),
            "subtitle": .text(article.subtitle),
            "date": .text(DateText.display(article.date)),
            "datetime": .text(DateText.machine(article.date)),
            "yearUnknown": .flag(article.date != nil && article.date?.year == nil),
            "source": .text(sourceLine(article)),
            "authors": .text(authorsLine(article.authors)),
            "readingMinutes": .number(ReadingTime.minutes(forCharacters: characters)),
            "characters": .number(characters),
            "lang": .text(lang(article)),
            "topics": topics.isEmpty ? false : .list(topics),
            "markdownURL": .text(root + SitePaths.articleMarkdown(article.slug)),
            "sourceFile": .text(article.source),
            "jumps": .text(nonEmpty(article.jumps.joined(separator: "；"))),
            "body": .text(body),
            "related": related.isEmpty ? false : .list(related.map { entry($0, root: root) }),
            "hasRelated": .flag(!related.isEmpty),
            "neighbours": neighbours.isEmpty ? false : .list(neighbours),
        ]
    }
}

func nonEmpty<C: Collection>(_ value: C?) -> C? {
    guard let value, !value.isEmpty else { return nil }
    return value
}
