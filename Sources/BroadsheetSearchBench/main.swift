// Builds a search index straight from a benchmark corpus, without the site pipeline, to measure
// index size and per-query bytes at scale (bench/search/README.md).
// usage: broadsheet-search-bench (--markdown DIR | --corpus DIR) --out DIR
import BroadsheetModel
import BroadsheetSearch
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
guard let out = option("--out"), option("--markdown") != nil || option("--corpus") != nil else {
    FileHandle.standardError.write(Data("usage: broadsheet-search-bench (--markdown DIR | --corpus DIR) --out DIR\n".utf8))
    exit(2)
}

let started = Date()
let articles: [Article]
if let markdown = option("--markdown") {
    articles = BenchCorpus.markdownArticles(in: URL(fileURLWithPath: markdown))
} else {
    articles = BenchCorpus.corpusArticles(in: URL(fileURLWithPath: option("--corpus")!))
}
let loaded = Date()
let topics = [("employment", "就业"), ("ecology", "生态环境"), ("rural-revitalization", "乡村振兴")].map { SearchIndexManifest.Topic(id: $0.0, name: $0.1) }
let index = SearchIndexBuilder(topics: topics).build(articles: articles)
let files = SearchIndexWriter().files(for: index)
let built = Date()
let root = URL(fileURLWithPath: out)
try? FileManager.default.removeItem(at: root)
var jsonBytes = 0, jsBytes = 0
for file in files {
    let url = root.appendingPathComponent(file.path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try file.bytes.write(to: url)
    if file.path.hasSuffix(".json") { jsonBytes += file.bytes.count } else { jsBytes += file.bytes.count }
}
let written = Date()
let report: [String: Any] = [
    "articles": articles.count, "files": files.count, "jsonBytes": jsonBytes, "jsBytes": jsBytes,
    "loadSeconds": loaded.timeIntervalSince(started), "indexSeconds": built.timeIntervalSince(loaded),
    "writeSeconds": written.timeIntervalSince(built),
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
