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
            var line = "  \(path): \(context.articlesPerFile[path]?.count ?? 0) articles"
            if errors > 0 { line += ", \(errors) errors" }
            if warnings > 0 { line += ", \(warnings) warnings" }
            lines.append(line)
            for diagnostic in diagnostics where verbose || diagnostic.severity == .error {
                lines.append("    " + diagnostic.formatted)
            }
        }
        let errors = context.diagnostics.filter { $0.severity == .error }.count
        let warnings = context.diagnostics.count - errors
        lines.append("built \(context.articles.count) articles from \(context.sources.count) files into \(context.options.output.lastPathComponent)/ (\(errors) errors, \(warnings) warnings\(verbose || warnings == 0 ? "" : "; --verbose lists them"))")
        text = lines.joined(separator: "\n") + "\n"
    }
}
