import BroadsheetModel
import Foundation
import Testing

/// An article written by hand as a test fixture: front matter (`title`, `kicker`, `subtitle`,
/// `title_generated`, `script`, `topics` to override, `expected`, `reason`) and a Markdown-like
/// body: blank-line separated paragraphs, `##` headings, `> 📷 ` photo captions.
struct FixtureArticle: CustomTestStringConvertible, Sendable {
    var name: String
    var article: Article
    var expected: [String]
    var reason: String
    var testDescription: String { name }

    static func load(_ url: URL) throws -> FixtureArticle {
        let text = try String(contentsOf: url, encoding: .utf8)
        let name = url.deletingPathExtension().lastPathComponent
        var fields: [String: String] = [:]
        var bodyLines: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
            for line in lines[1..<close] {
                guard let colon = line.firstRange(of: ": ") ?? line.lastIndex(of: ":").map({ $0..<line.index(after: $0) }) else { continue }
                fields[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
            }
            bodyLines = Array(lines[(close + 1)...])
        } else {
            bodyLines = lines
        }
        var article = Article(title: fields["title"] ?? "", titleGenerated: fields["title_generated"] == "true",
                              kicker: fields["kicker"], subtitle: fields["subtitle"], source: fields["seed"] ?? name,
                              script: fields["script"] == "traditional" ? .traditional : .simplified,
                              body: blocks(bodyLines.joined(separator: "\n")))
        if let topics = fields["topics"] {
            article.topics = list(topics)
            article.topicsOverridden = true
        }
        return FixtureArticle(name: name, article: article, expected: list(fields["expected"] ?? "[]"),
                              reason: fields["reason"] ?? "")
    }

    /// Every fixture in a folder of the test bundle's Fixtures, by name.
    static func all(in folder: String) -> [FixtureArticle] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { try? load(dir.appendingPathComponent($0)) }
    }

    static func named(_ name: String, in folder: String = "edge") throws -> FixtureArticle {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try load(url.appendingPathComponent(folder).appendingPathComponent(name + ".md"))
    }

    private static func list(_ value: String) -> [String] {
        value.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func blocks(_ body: String) -> [Block] {
        body.components(separatedBy: "\n\n").compactMap { raw -> Block? in
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return nil }
            if text.hasPrefix("> 📷 ") { return .figure(caption: String(text.dropFirst(5)), credit: nil) }
            if text.hasPrefix("#") {
                let level = text.prefix { $0 == "#" }.count
                return .heading(level: level, text: text.dropFirst(level).trimmingCharacters(in: .whitespaces))
            }
            return .paragraph(text)
        }
    }
}
