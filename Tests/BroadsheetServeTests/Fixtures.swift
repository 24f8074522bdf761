import BroadsheetBuild
import BroadsheetServe
import Foundation

enum Fixture {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let site = root.appendingPathComponent("site")
    /// The repository, for the real Templates/ and site.yml.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// A throwaway project: the fixture seeds with the repository's real site.yml and Templates/.
struct TemporaryProject {
    let root: URL

    init() throws {
        let fm = FileManager.default
        root = try temporaryFolder(containing: "")
        try fm.copyItem(at: Fixture.root.appendingPathComponent("project/seeds"), to: seeds)
        try fm.copyItem(at: Fixture.repository.appendingPathComponent("site.yml"), to: config)
        try fm.copyItem(at: Fixture.repository.appendingPathComponent("Templates"), to: templates)
    }

    var seeds: URL { root.appendingPathComponent("seeds") }
    var config: URL { root.appendingPathComponent("site.yml") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("preview") }
    var buildOptions: BuildOptions { BuildOptions(seeds: seeds, output: output, config: config, templates: templates) }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A new empty folder (with one empty subfolder) under the temporary directory.
func temporaryFolder(containing subfolder: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent(subfolder), withIntermediateDirectories: true)
    return root
}

/// Serves the fixture site (HTML with the reload script for build `fixture-1`) on a free port.
func withFixtureServer(_ body: (RawHTTPClient, SiteHTTPServer) async throws -> Void) async throws {
    let site = try SiteSnapshot.load(from: Fixture.site, html: ReloadSnippet.injector(build: "fixture-1"))
    let server = try SiteHTTPServer(host: "127.0.0.1", port: 0, store: SiteStore(site), hub: ReloadHub(build: "fixture-1"))
    let running = Task { try await server.run() }
    do {
        try await body(RawHTTPClient(port: try await server.port()), server)
    } catch {
        await server.stop()
        _ = await running.result
        throw error
    }
    await server.stop()
    try await running.value
}
