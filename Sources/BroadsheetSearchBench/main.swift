// Builds a search index straight from a benchmark corpus, without the site pipeline, to measure
// index size and per-query bytes at scale (bench/search/README.md).
// usage: broadsheet-search-bench (--markdown DIR | --corpus DIR | --cache SITE) --out DIR
//   --cache SITE: the articles of a site built by `broadsheet build` (its ingest cache), so the
//   index can be diffed against that site's search files.
import BroadsheetModel
import BroadsheetSearch
import Dispatch
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
/// Resident memory now, in MB (/proc/self/statm, pages of 4 KiB).
func residentMB() -> Int {
    let fields = ((try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "").split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 / 1_000_000 : 0
}
let loadedMB = residentMB()
let loadedCPU = cpuSeconds()
let topics = [("employment", "就业"), ("ecology", "生态环境"), ("rural-revitalization", "乡村振兴")].map { SearchIndexManifest.Topic(id: $0.0, name: $0.1) }
// Modes: --compare SITE (check bytes against a built site), --no-write (build only), else
// write to --out on all cores; --memory-limit MB caps the postings held in memory;, batch by batch as the index is built (as `broadsheet build` does).
let compare = option("--compare").map { URL(fileURLWithPath: $0) }
let root = URL(fileURLWithPath: out)
let writing = compare == nil && !arguments.contains("--no-write")
if writing { try? FileManager.default.removeItem(at: root) }
var fileCount = 0, jsonBytes = 0, jsBytes = 0, differing: [String] = []
var folders = Set<String>()
var builder = SearchIndexBuilder(topics: topics)
if let limit = option("--memory-limit").flatMap(Int.init) { builder.postingMemoryLimit = limit * 1024 * 1024 }
builder.build(articles: articles) { batch in
    let files = SearchIndexWriter().files(for: batch)
    fileCount += files.count
    for file in files {
        if file.path.hasSuffix(".json") { jsonBytes += file.bytes.count } else { jsBytes += file.bytes.count }
    }
    if let compare {
        for file in files where (try? Data(contentsOf: compare.appendingPathComponent(file.path))) != file.bytes { differing.append(file.path) }
    }
    guard writing else { return }
    for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }) where folders.insert(folder).inserted {
        try! FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let threads = option("--write-threads").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      for i in stride(from: t, to: files.count, by: threads) {
        let fd = open(root.appendingPathComponent(files[i].path).path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        files[i].bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
      }
    }
}
let built = Date()
let builtCPU = cpuSeconds()
if let compare {
    let search = compare.appendingPathComponent("search")
    let expected = BenchCorpus.files(in: search, ext: "js").count + BenchCorpus.files(in: search, ext: "json").count + 2
    print("compared \(fileCount) files (\(expected) in \(compare.path)): \(differing.count) differ \(differing.prefix(5))")
    exit(differing.isEmpty && expected == fileCount ? 0 : 1)
}
let report: [String: Any] = [
    "articles": articles.count, "files": fileCount, "jsonBytes": jsonBytes, "jsBytes": jsBytes, "loadedMB": loadedMB,
    "loadSeconds": loaded.timeIntervalSince(started), "indexSeconds": built.timeIntervalSince(loaded),
    "indexCPU": builtCPU - loadedCPU, "written": writing,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
