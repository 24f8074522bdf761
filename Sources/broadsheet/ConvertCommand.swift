import ArgumentParser
import BroadsheetBuild
import BroadsheetModel
import Foundation

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Print the Markdown (with front matter) of the articles found in the files.")

    @Option(help: "Site configuration (topics, years, encodings); used when present.") var config = "site.yml"
    @Argument(help: "Input files.") var files: [String]

    func run() throws {
        let siteConfig = try ConvertSession.loadConfig(path: config)
        var failed = false
        for path in files {
            let result = try ConvertSession(config: siteConfig).convert(path: path)
            for diagnostic in result.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
                if diagnostic.severity == .error { failed = true }
            }
            for article in result.articles {
                print(ArticleMarkdown.render(article))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
