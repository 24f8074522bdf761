import BroadsheetBuild
import Foundation

/// Runs the ordinary build into the serve output folder and keeps the files it wrote as a
/// snapshot, with the reload script added to its HTML. Builds run one at a time on a thread of their own,
/// so a long build never holds up the threads that answer requests.
public struct SiteRebuilder: Sendable {
    public enum Outcome: Sendable {
        case built(SiteSnapshot, summary: String)
        case failed(String)
    }

    public let options: BuildOptions
    private let queue = DispatchQueue(label: "broadsheet.serve.build")

    public init(options: BuildOptions) {
        self.options = options
    }

    /// `build` names the build; it is written into the reload script of every page.
    public func rebuild(build: String) async -> Outcome {
        let options = options
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Self.run(options: options, build: build))
            }
        }
    }

    /// Reads a previous build left in the output folder, to serve while the sources do not build.
    public func previousSite(build: String) -> SiteSnapshot? {
        let site = try? SiteSnapshot.load(from: options.output, html: ReloadSnippet.injector(build: build))
        guard let site, !site.isEmpty else { return nil }
        return site
    }

    private static func run(options: BuildOptions, build: String) -> Outcome {
        do {
            let context = try SiteBuilder(options: options).build()
            let summary = BuildSummary(context: context, verbose: false).text
            // Pages are streamed to disk as they are rendered (and a no-op build writes nothing),
            // so the served copy is read back from the output folder.
            let site = try SiteSnapshot.load(from: options.output, html: ReloadSnippet.injector(build: build))
            return .built(site, summary: summary)
        } catch {
            return .failed("\(error)")
        }
    }
}
