import ArgumentParser
import BroadsheetSearch
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Query the generated site's search index, ranked as in the browser.")

    @Option(help: "The generated site.") var site = "public"
    @Flag(help: "Print a JSON array.") var json = false
    @Option(help: "Only articles in this topic id.") var topic: String?
    @Option(help: "At most this many results.") var limit = 20
    @Argument(help: "The query.") var query: String

    func run() throws {
        let url = URL(fileURLWithPath: site).appendingPathComponent("search-index.json")
        guard let data = try? Data(contentsOf: url) else {
            FileHandle.standardError.write(Data("\(url.path): error: no search index; run `broadsheet build` first\n".utf8))
            throw ExitCode(1)
        }
        let index = try JSONDecoder().decode(SearchIndex.self, from: data)
        let results = SearchEngine(index: index).search(query, topic: topic, limit: limit)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            for result in results {
                print("\(String(format: "%8.3f", result.score))  \(result.date ?? "          ")  \(result.title)  \(result.url)")
            }
        }
    }
}
