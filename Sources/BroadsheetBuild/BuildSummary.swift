import BroadsheetModel

/// The short report printed on stderr after a build.
public struct BuildSummary {
    public let text: String

    public init(context: BuildContext, verbose: Bool) {
        var lines: [String] = []
        let byFile = Dictionary(grouping: context.diagnostics, by: \.file)
        for path in context.articlesPerFile.keys.sorted() {
            let diagnostics = byFile[path] ?? []
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            // One line per clean file would bury the problems of a large archive.
            if verbose || errors + warnings > 0 || context.articlesPerFile.count <= 50 {
                var line = "  \(path): \(context.articlesPerFile[path]?.count ?? 0) articles"
                if errors > 0 { line += ", \(errors) errors" }
                if warnings > 0 { line += ", \(warnings) warnings" }
                lines.append(line)
            }
            for diagnostic in diagnostics where verbose || diagnostic.severity == .error {
                lines.append("    " + diagnostic.formatted)
            }
        }
        let errors = context.diagnostics.filter { $0.severity == .error }.count
        let warnings = context.diagnostics.count - errors
        let articles = context.articlesPerFile.values.reduce(0) { $0 + $1.count }
        let stats = context.stats
        let work = stats.upToDate
            ? "up to date, nothing written"
            : "\(stats.inputsIngested) files ingested, \(stats.inputsReused) from cache; \(stats.filesWritten) pages written, \(stats.filesLinked) unchanged; \(stats.pagesRendered) article pages rendered, \(stats.pagesReused) reused"
        lines.append("built \(articles) articles from \(context.inputs.count) files into \(context.options.output.lastPathComponent)/ (\(errors) errors, \(warnings) warnings\(verbose || warnings == 0 ? "" : "; --verbose lists them"); \(work))")
        if verbose, !stats.seconds.isEmpty {
            lines.append("  time: " + stats.seconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds))s" }.joined(separator: ", "))
        }
        if verbose, !stats.upToDate {
            lines.append("  index: \(stats.indexPatched ? "previous index patched" : "built whole"); \(stats.indexRecordsMade) records made, \(stats.indexRecordsReused) from cache")
        }
        if verbose, !stats.memory.isEmpty {
            lines.append("  memory (MB resident after / peak so far): " + stats.memory.map { "\($0.stage) \($0.now)/\($0.peak)" }.joined(separator: ", "))
        }
        text = lines.joined(separator: "\n") + "\n"
    }
}
