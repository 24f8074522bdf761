import BroadsheetClassify
import BroadsheetModel
import Foundation
import Testing

/// A sanity figure on the real corpus (People's Daily, February 2019, beside the repository in
/// shared/corpus): how many articles each topic gets. Printed for the record; the expectations are
/// only what any working classifier must meet on a general national daily.
@Suite("Corpus sanity")
struct CorpusSanityTests {
    static let corpus = SiteTopics.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/people-daily-2019-02")
    static var corpusPresent: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// One corpus file as an article: line 1 kicker, 2 title, 3 subtitle, then paragraphs.
    static func article(_ url: URL) throws -> Article {
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func field(_ index: Int) -> String? { index < lines.count && !lines[index].isEmpty ? lines[index] : nil }
        let body = lines.dropFirst(3).filter { !$0.isEmpty }.map { Block.paragraph($0) }
        return Article(title: field(1) ?? "", kicker: field(0), subtitle: field(2), source: url.lastPathComponent, body: body)
    }

    static func files() -> [URL] {
        let days = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return days.sorted().flatMap { day -> [URL] in
            let dir = corpus.appendingPathComponent(day)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    @Test("the corpus gets a plausible topic distribution", .enabled(if: corpusPresent))
    func distribution() throws {
        let classifier = try SiteTopics.classifier()
        var perTopic: [String: Int] = [:]
        var combinations: [String: Int] = [:]
        var examples: [String: [String]] = [:]
        let files = Self.files()
        for url in files {
            let article = try Self.article(url)
            let topics = classifier.apply(to: article).topics
            for topic in topics { perTopic[topic, default: 0] += 1 }
            let key = topics.isEmpty ? "(none)" : topics.joined(separator: "+")
            combinations[key, default: 0] += 1
            examples[key, default: []].append("\(url.lastPathComponent) \(article.title)")
        }
        var report = "corpus: \(files.count) articles\n"
        for topic in classifier.topics { report += "  \(topic.id): \(perTopic[topic.id] ?? 0)\n" }
        for (key, count) in combinations.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            report += "  [\(key)] \(count); e.g. \(examples[key]!.prefix(3).joined(separator: " | "))\n"
        }
        print(report)
        #expect(files.count > 1000)
        // A national daily in any month writes about each of the three subjects…
        for topic in classifier.topics { #expect((perTopic[topic.id] ?? 0) >= 10, "\(topic.id) is (almost) never assigned") }
        // …but most of its articles are about none of them.
        #expect((combinations["(none)"] ?? 0) * 2 > files.count, "more than half the articles got a topic")
    }
}
