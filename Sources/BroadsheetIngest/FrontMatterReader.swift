import Foundation
import BroadsheetModel
import Yams

/// Markdown with YAML front matter: an article an editor already corrected. Taken as written;
/// `topics:` in the front matter overrides classification.
struct FrontMatterReader {
    let text: String
    let path: String

    static func split(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingSpaces() == "---" else { return nil }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces() == "---" || lines[$0].trimmingSpaces() == "..." }) else { return nil }
        return (lines[1..<end].joined(separator: "\n"), lines[(end + 1)...].joined(separator: "\n"), end + 2)
    }

    func read() -> Result<Article, FrontMatterError> {
        guard let (yaml, body, bodyLine) = Self.split(text) else {
            return .failure(FrontMatterError(diagnostic: Diagnostic(.error, file: path, line: 1, code: "ingest.front-matter", message: "front matter is not closed by ---")))
        }
        let fields: [String: Any]
        do {
            fields = (try Yams.load(yaml: yaml) as? [String: Any]) ?? [:]
        } catch {
            return .failure(FrontMatterError(diagnostic: Diagnostic(.error, file: path, line: 1, code: "ingest.front-matter", message: "front matter is not valid YAML: \(error)")))
        }
        func string(_ key: String) -> String? {
            guard let value = fields[key] else { return nil }
            let s = "\(value)".trimmingSpaces()
            return s.isEmpty ? nil : s
        }
        guard let title = string("title") else {
            return .failure(FrontMatterError(diagnostic: Diagnostic(.error, file: path, line: 1, code: "ingest.front-matter", message: "front matter has no title")))
        }
        var article = Article(title: title, source: path, line: bodyLine)
        article.kicker = string("kicker")
        article.subtitle = string("subtitle")
        article.titleGenerated = (fields["title_generated"] as? Bool) ?? false
        article.date = Self.date(fields["date"])
        if let topics = fields["topics"] as? [Any] {
            article.topics = topics.map { "\($0)" }
            article.topicsOverridden = true
        }
        if let authors = fields["authors"] as? [Any] { article.authors = authors.map { Author(name: "\($0)") } }
        article.column = string("column")
        article.page = string("page")
        article.body = MarkdownBlocks.split(body)
        return .success(article)
    }

    static func date(_ value: Any?) -> ArticleDate? {
        guard let value else { return nil }
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: (value as? Date) ?? Date.distantPast)
        if value is Date, let y = components.year, let m = components.month, let d = components.day {
            return ArticleDate(year: y, month: m, day: d)
        }
        let parts = "\(value)".split(separator: "-").compactMap { Int($0) }
        if parts.count == 3 { return ArticleDate(year: parts[0], month: parts[1], day: parts[2]) }
        if parts.count == 2 { return ArticleDate(year: nil, month: parts[0], day: parts[1]) }
        return nil
    }
}

/// Splits Markdown taken as written into blocks: ATX headings, and everything else verbatim.
enum MarkdownBlocks {
    static func split(_ body: String) -> [Block] {
        var blocks: [Block] = []
        var chunk: [Substring] = []
        func flush() {
            let text = chunk.joined(separator: "\n").trimmingCharacters(in: .newlines)
            if !text.isEmpty { blocks.append(.markdown(text)) }
            chunk = []
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let hashes = line.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                flush()
                blocks.append(.heading(level: max(2, hashes), text: line.dropFirst(hashes + 1).trimmingSpaces()))
            } else if line.trimmingSpaces().isEmpty {
                flush()
            } else {
                chunk.append(line)
            }
        }
        flush()
        return blocks
    }
}

struct FrontMatterError: Error {
    var diagnostic: Diagnostic
}
