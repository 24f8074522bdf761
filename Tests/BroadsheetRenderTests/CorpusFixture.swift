import BroadsheetModel
import BroadsheetRender
import Foundation

/// Reads People's Daily e-paper files (`YYYYMMDD-PP-NN.txt`: kicker, title, subtitle, then
/// paragraphs indented with `　　`) into Articles, so render tests see real text. Test-only: the
/// real ingest lives elsewhere; this knows just enough of the format to give realistic pages.
enum CorpusFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    /// A few words per topic: enough to sort fixture articles into the three topics.
    static let topicWords: [(id: String, words: [String])] = [
        ("employment", ["就业", "招聘", "岗位", "农民工", "职业技能"]),
        ("ecology", ["生态", "环保", "污染", "绿色", "造林"]),
        ("rural-revitalization", ["乡村振兴", "脱贫", "农民增收", "农村", "贫困"]),
    ]

    static let config = SiteConfig(
        title: "新闻文库", description: "地方报纸文章的整理版，按就业、生态环境、乡村振兴三个主题编排，可离线浏览和搜索。",
        topics: [
            TopicConfig(id: "employment", name: "就业", description: "稳就业、招聘与岗位、技能培训。", terms: [:]),
            TopicConfig(id: "ecology", name: "生态环境", description: "生态保护与修复、污染防治、绿色低碳。", terms: [:]),
            TopicConfig(id: "rural-revitalization", name: "乡村振兴", description: "乡村全面振兴、巩固拓展脱贫攻坚成果。", terms: [:]),
        ])

    static func articles(in directory: URL = folder) throws -> [Article] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try article(named: $0, text: String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func article(named name: String, text: String) -> Article {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        func line(_ i: Int) -> String? {
            let value = i < lines.count ? lines[i].trimmingCharacters(in: .whitespaces) : ""
            return value.isEmpty ? nil : value
        }
        let stem = name.replacingOccurrences(of: ".txt", with: "")
        let parts = stem.split(separator: "-")
        let day = String(parts[0])
        let date = ArticleDate(year: Int(day.prefix(4)), month: Int(day.dropFirst(4).prefix(2))!, day: Int(day.suffix(2))!)
        var body: [Block] = []
        for raw in lines.dropFirst(3) {
            let paragraph = raw.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
            guard !paragraph.isEmpty else { continue }
            if paragraph.hasSuffix("摄") || paragraph.hasSuffix("摄（新华社发）"), paragraph.count < 30,
               case .paragraph(let caption)? = body.last {
                body[body.count - 1] = .figure(caption: caption, credit: paragraph)
            } else {
                body.append(.paragraph(paragraph))
            }
        }
        var article = Article(title: line(1) ?? "（无题）", kicker: line(0), subtitle: line(2), date: date,
                              source: "people-daily/\(name)", page: String(parts[1]),
                              script: stem.hasSuffix("-hant") ? .traditional : .simplified, body: body)
        if let lead = article.paragraphs.first {
            if lead.hasPrefix("本报") { article.dateline = Dateline(source: "本报") }
            if lead.hasPrefix("新华社") { article.dateline = Dateline(source: "新华社") }
            if let open = lead.firstRange(of: "（记者"), let close = lead[open.upperBound...].firstIndex(of: "）") {
                article.authors = lead[open.upperBound..<close].split(whereSeparator: { " 、\u{3000}".contains($0) })
                    .map { Author(name: String($0), role: "记者") }
            }
        }
        let text = article.title + article.plainText
        article.topics = topicWords.filter { topic in topic.words.reduce(0) { $0 + text.components(separatedBy: $1).count - 1 } >= 4 }.map(\.id)
        article.slug = stem.lowercased()
        return article
    }

    static func renderSite(_ articles: [Article], config: SiteConfig = config) throws -> [String: Data] {
        let renderer = SiteRenderer(config: config, templates: try TemplateSet(directory: templates))
        var files: [String: Data] = [:]
        for file in renderer.render(articles: articles) { files[file.path] = file.bytes }
        return files
    }
}
