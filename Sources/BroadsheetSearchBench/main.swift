// Builds a search index straight from a benchmark corpus, without the site pipeline, to measure
// index size and per-query bytes at scale (bench/search/README.md).
// usage: broadsheet-search-bench (--markdown DIR | --corpus DIR | --cache SITE) --out DIR
//   --cache SITE: the articles of a site built by `broadsheet build` (its ingest cache), so the
//   index can be diffed against that site's search files.
import BroadsheetModel
import BroadsheetSearch
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
guard let out = option("--out"), option("--markdown") != nil || option("--corpus") != nil || option("--cache") != nil else {
    FileHandle.standardError.write(Data("usage: broadsheet-search-bench (--markdown DIR | --corpus DIR | --cache SITE) --out DIR\n".utf8))
    exit(2)
}

/// User + system CPU seconds of this process so far (the machine is shared: wall time is noisy).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let started = Date()
let articles: [Article]
if let site = option("--cache") {
    articles = try PipelineArticles.load(site: URL(fileURLWithPath: site))
} else if let markdown = option("--markdown") {
    articles = BenchCorpus.markdownArticles(in: URL(fileURLWithPath: markdown))
} else {
    articles = BenchCorpus.corpusArticles(in: URL(fileURLWithPath: option("--corpus")!))
}
let loaded = Date()
let loadedCPU = cpuSeconds()
let topics = [("employment", "就业"), ("ecology", "生态环境"), ("rural-revitalization", "乡村振兴")].map { SearchIndexManifest.Topic(id: $0.0, name: $0.1) }
let index = SearchIndexBuilder(topics: topics).build(articles: articles)
let files = SearchIndexWriter().files(for: index)
let built = Date()
let builtCPU = cpuSeconds()
if let site = option("--compare") {
    // Byte-for-byte check against a site built earlier, without writing anything.
    let base = URL(fileURLWithPath: site)
    var differing: [String] = []
    for file in files where (try? Data(contentsOf: base.appendingPathComponent(file.path))) != file.bytes { differing.append(file.path) }
    let expected = BenchCorpus.files(in: base.appendingPathComponent("search"), ext: "json").count * 2 + 2
    print("compared \(files.count) files (\(expected) in \(site)): \(differing.count) differ \(differing.prefix(5))")
    exit(differing.isEmpty && expected == files.count ? 0 : 1)
}
if option("--no-write") != nil || arguments.contains("--no-write") {
    print("{\"articles\":\(articles.count),\"files\":\(files.count),\"indexCPU\":\(builtCPU - loadedCPU),\"indexSeconds\":\(built.timeIntervalSince(loaded))}")
    exit(0)
}
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
let writtenCPU = cpuSeconds()
let report: [String: Any] = [
    "articles": articles.count, "files": files.count, "jsonBytes": jsonBytes, "jsBytes": jsBytes,
    "loadSeconds": loaded.timeIntervalSince(started), "indexSeconds": built.timeIntervalSince(loaded),
    "writeSeconds": written.timeIntervalSince(built),
    "indexCPU": builtCPU - loadedCPU, "writeCPU": writtenCPU - builtCPU,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
