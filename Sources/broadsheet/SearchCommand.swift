import ArgumentParser
import BroadsheetSearch
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Query the generated site's search index, with the browser's results in the browser's order.",
        discussion: "Terms combine with AND; \"quoted phrases\" keep spaces; -term excludes. See docs/search-index.md.")

    @Option(help: "The generated site.") var site = "public"
    @Flag(help: "Print a JSON array.") var json = false
    @Option(help: "Only articles in this topic id.") var topic: String?
    @Option(help: "Only articles dated in this year.") var year: Int?
    @Option(help: "At most this many results.") var limit = 20
    @Argument(help: "The query.") var query: String

    func run() throws {
        let store = DirectorySearchIndexStore(site: URL(fileURLWithPath: site))
        let results: [SearchResult]
        do {
            results = try SearchEngine(store: store).search(query, topic: topic, year: year, limit: limit)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            for result in results {
                print("\(String(format: "%9.4f", result.score))  \(result.date ?? "          ")  \(result.title)  \(result.url)")
            }
        }
    }
}
