import BroadsheetModel
import Foundation

/// Reads the two benchmark corpus forms into articles: gen_corpus.py's Markdown, and the real
/// People's Daily corpus (line 1 kicker, line 2 title, line 3 subtitle, then paragraphs).
enum BenchCorpus {
    static let topicIDs = ["就业": "employment", "生态": "ecology", "生态环境": "ecology", "乡村振兴": "rural-revitalization"]

    static func files(in folder: URL, ext: String) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = walker?.nextObject() as? URL { if url.pathExtension == ext { found.append(url) } }
        return found.sorted { $0.path < $1.path }
    }

    static func markdownArticles(in folder: URL) -> [Article] {
        files(in: folder, ext: "md").compactMap { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            let parts = text.components(separatedBy: "\n---\n")
            guard parts.count >= 2 else { return nil }
            var title = "", date: ArticleDate?, topics: [String] = []
            for line in parts[0].split(separator: "\n") {
                if line.hasPrefix("title: ") { title = String(line.dropFirst(7)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                if line.hasPrefix("date: ") {
                    let d = line.dropFirst(6).prefix(10).split(separator: "-").compactMap { Int($0) }
                    if d.count == 3 { date = ArticleDate(year: d[0], month: d[1], day: d[2]) }
                }
                if line.hasPrefix("topics: ") {
                    topics = line.dropFirst(8).split(whereSeparator: { "[]\", ".contains($0) }).compactMap { topicIDs[String($0)] }
                }
            }
            let body = parts.dropFirst().joined(separator: "\n---\n").components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            var article = Article(title: title, date: date, source: url.lastPathComponent, body: body.map { .paragraph($0) }, topics: topics)
            article.slug = url.deletingPathExtension().lastPathComponent
            return article
        }
    }

    static func corpusArticles(in folder: URL) -> [Article] {
        files(in: folder, ext: "txt").compactMap { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))) }
            guard lines.count >= 2, !lines[1].isEmpty else { return nil }
            let stem = url.deletingPathExtension().lastPathComponent
            let d = stem.prefix(8)
            let date = Int(d).map { ArticleDate(year: $0 / 10000, month: $0 / 100 % 100, day: $0 % 100) }
            let paragraphs = lines.dropFirst(3).filter { !$0.isEmpty }
            var article = Article(title: lines[1], kicker: lines[0].isEmpty ? nil : lines[0],
                                  subtitle: lines.count > 2 && !lines[2].isEmpty ? lines[2] : nil, date: date,
                                  source: url.lastPathComponent, body: paragraphs.map { .paragraph($0) })
            article.slug = stem
            return article
        }
    }
}
