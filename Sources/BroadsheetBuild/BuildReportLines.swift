import BroadsheetModel
import Foundation

/// `build-report.json` made from the previous build's report where it can be. The report has one
/// line per input file, and a line depends only on what ingest made of that input (its content
/// hash, under the same tool and configuration) and on the slugs its articles got; so an input
/// whose hash and slugs are the previous manifest's keeps its previous line, and only the others
/// are written again (`BuildReport.line`). Writing every line of the 11 MB report of a
/// 10,000-article site was 7% of a one-file rebuild.
enum BuildReportLines {
    static let path = "build-report.json"

    static func file(_ context: BuildContext) -> OutputFile {
        guard let previous = context.previous, let lines = previousLines(context, previous) else {
            return BuildReport(context: context).file()
        }
        let paths = context.articlesPerFile.keys.sorted()
        var kept: [String: ArraySlice<UInt8>] = [:]
        for path in paths {
            guard let old = previous.inputs[path], let line = lines[path], old.hash == context.recordHashes[path],
                  old.slugs == context.articlesPerFile[path] ?? [] else { continue }
            kept[path] = line
        }
        let fresh = BuildReport(context: context, only: Set(paths.filter { kept[$0] == nil }))
        var made: [String: [UInt8]] = [:]
        for entry in fresh.files {
            var w = JSONTextWriter()
            BuildReport.line(entry, to: &w)
            made[entry.path] = w.bytes.array
        }
        return BuildReport.file(articleCount: fresh.articleCount, errorCount: fresh.errorCount,
                                warningCount: fresh.warningCount, version: fresh.version) { w in
            for (i, path) in paths.enumerated() {
                if i > 0 { w.raw(",\n") }
                if let line = kept[path] { w.raw(bytes: line) } else { w.raw(bytes: made[path] ?? []) }
            }
        }
    }

    /// The previous report's file lines by input path (without their `,`), when the report is
    /// the one the previous manifest recorded and has a line per input that names it.
    static func previousLines(_ context: BuildContext, _ previous: BuildManifest) -> [String: ArraySlice<UInt8>]? {
        guard !previous.inputs.isEmpty, let hash = previous.outputs[path],
              let data = try? Data(contentsOf: context.options.output.appendingPathComponent(path)),
              ContentHash.of(data) == hash else { return nil }
        let bytes = [UInt8](data)
        let split = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let inputs = previous.inputs.keys.sorted()
        // The head line, a line per input, the closing line and the empty rest after the last newline.
        guard split.count == inputs.count + 3, split.last?.isEmpty == true else { return nil }
        var lines: [String: ArraySlice<UInt8>] = [:]
        for (i, input) in inputs.enumerated() {
            var line = split[i + 1]
            if i + 1 < inputs.count {
                guard line.last == UInt8(ascii: ",") else { return nil }
                line = line.dropLast()
            }
            var w = JSONTextWriter()
            w.key("path")
            w.string(input)
            w.raw("}")
            guard line.starts(with: Array("{\"articles\":".utf8)), line.reversed().starts(with: w.bytes.array.reversed()) else { return nil }
            lines[input] = line
        }
        return lines
    }
}
