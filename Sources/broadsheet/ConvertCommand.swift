import ArgumentParser
import BroadsheetBuild
import BroadsheetModel
import Foundation

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Print the Markdown (with front matter) of the articles found in the files.")

    @Option(help: "Site configuration (topics, years, encodings); used when present.") var config = "site.yml"
    @Flag(help: "Explain the topics: each topic's score, threshold and deciding terms, as YAML comments in the front matter.")
    var explain = false
    @Argument(help: "Input files.") var files: [String]

    func run() throws {
        let session = ConvertSession(config: try ConvertSession.loadConfig(path: config))
        var failed = false
        for path in files {
            let result = try session.convert(path: path)
            for diagnostic in result.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
                if diagnostic.severity == .error { failed = true }
            }
            for article in result.articles {
                print(session.markdown(article, explain: explain))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
