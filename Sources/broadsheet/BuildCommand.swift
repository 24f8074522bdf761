import ArgumentParser
import BroadsheetBuild
import BroadsheetModel
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site from the seeds folder.")

    @Option(help: "Folder of input pages.") var seeds = "seeds"
    @Option(help: "Output folder; replaced only when the build succeeds.") var out = "public"
    @Option(help: "Site configuration.") var config = "site.yml"
    @Option(help: "Templates and assets folder.") var templates = "Templates"
    @Flag(help: "List every warning and the time of each stage, not only the summary.") var verbose = false
    @Flag(help: "Ignore the cache of the previous build and rebuild everything.") var clean = false

    func run() throws {
        var options = BuildOptions(seeds: URL(fileURLWithPath: seeds), output: URL(fileURLWithPath: out),
                                   config: URL(fileURLWithPath: config), templates: URL(fileURLWithPath: templates))
        options.incremental = !clean
        options.progress = .forTerminal()
        let context: BuildContext
        do {
            context = try SiteBuilder(options: options).build()
        } catch {
            FileHandle.standardError.write(Data("broadsheet: build failed, \(out) left unchanged\n\(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data(BuildSummary(context: context, verbose: verbose).text.utf8))
    }
}
