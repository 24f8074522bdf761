@testable import BroadsheetBuild
import Foundation
import Testing

/// The tool's hash is taken from the previous manifest only while the executable keeps the
/// stamp recorded beside it, and not when it changed within 2 s of that build's start.
@Suite("Tool stamp")
struct ToolStampTests {
    static func manifest(started: Int64) -> BuildManifest {
        BuildManifest(keys: BuildKeys(tool: "previous-tool-hash", config: "c", templates: "t"), started: started)
    }

    @Test("a matching stamp older than the previous build gives the previous hash; another stamp or a recent change does not")
    func trustedOnlyWhenOld() throws {
        let stamp = try #require(ToolStamp.current)
        let recorded = stamp.text + "\n"
        #expect(ToolStamp.previousHash(Self.manifest(started: stamp.changed + 3_000_000_000), recorded: recorded) == "previous-tool-hash")
        #expect(ToolStamp.previousHash(Self.manifest(started: stamp.changed + 1_000_000_000), recorded: recorded) == nil)
        #expect(ToolStamp.previousHash(Self.manifest(started: stamp.changed + 3_000_000_000), recorded: "0" + recorded) == nil)
        #expect(ToolStamp.previousHash(Self.manifest(started: stamp.changed + 3_000_000_000), recorded: "") == nil)
    }

    @Test("a build records the stamp beside its manifest")
    func recorded() throws {
        let scratch = try SiteFixture.scratch("tool-stamp")
        let out = scratch.appendingPathComponent("public")
        try SiteBuilder(options: SiteFixture.options(output: out)).build()
        let recorded = try String(contentsOf: out.appendingPathComponent(ToolStamp.path), encoding: .utf8)
        #expect(recorded == (try #require(ToolStamp.current)).text + "\n")
    }
}
