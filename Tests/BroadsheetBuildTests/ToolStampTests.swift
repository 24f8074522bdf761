@testable import BroadsheetBuild
import Foundation
import Testing

/// The tool's hash is taken from the previous manifest only while the executable keeps the
/// stamp recorded there, and not when it changed within 2 s of that build's start.
@Suite("Tool stamp")
struct ToolStampTests {
    static func manifest(stamp: String, started: Int64) -> BuildManifest {
        var manifest = BuildManifest(keys: BuildKeys(tool: "previous-tool-hash", config: "c", templates: "t"), started: started)
        manifest.toolStamp = stamp
        return manifest
    }

    @Test("a matching stamp older than the previous build gives the previous hash; another stamp or a recent change does not")
    func trustedOnlyWhenOld() throws {
        let stamp = try #require(ToolStamp.current)
        #expect(ToolStamp.previousHash(Self.manifest(stamp: stamp.text, started: stamp.changed + 3_000_000_000)) == "previous-tool-hash")
        #expect(ToolStamp.previousHash(Self.manifest(stamp: stamp.text, started: stamp.changed + 1_000_000_000)) == nil)
        #expect(ToolStamp.previousHash(Self.manifest(stamp: stamp.text + "0", started: stamp.changed + 3_000_000_000)) == nil)
        #expect(ToolStamp.previousHash(Self.manifest(stamp: "", started: stamp.changed + 3_000_000_000)) == nil)
        #expect(ToolStamp.previousHash(nil) == nil)
    }

    @Test("the stamp is kept in the manifest")
    func roundTrip() {
        let manifest = Self.manifest(stamp: "1:2:3:4:5", started: 42)
        #expect(BuildManifest.parse(manifest.text(), started: 42) == manifest)
    }
}
