import BroadsheetBuild
import Foundation
import Testing

/// Load lists what FileManager's enumerator listed before it was replaced by readdir: every
/// regular file (or link to one) under the seeds, in hidden and README folders too, but not
/// inside a linked folder; hidden and README files themselves are not inputs.
@Suite("Load stage")
struct LoadStageTests {
    @Test("the inputs of a tree with hidden, README and linked folders")
    func listedTree() throws {
        let scratch = try SiteFixture.scratch("load-tree")
        let seeds = scratch.appendingPathComponent("seeds"), other = scratch.appendingPathComponent("other")
        let fm = FileManager.default
        for folder in [".hidden", "README", "sub/deeper"] {
            try fm.createDirectory(at: seeds.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try fm.createDirectory(at: other, withIntermediateDirectories: true)
        for file in ["a.txt", ".hidden/b.txt", "README/c.txt", "sub/e.txt", "sub/deeper/f.txt", ".dot.txt", "readme.md"] {
            try Data("x".utf8).write(to: seeds.appendingPathComponent(file))
        }
        try Data("y".utf8).write(to: other.appendingPathComponent("d.txt"))
        try fm.createSymbolicLink(atPath: seeds.appendingPathComponent("linked").path, withDestinationPath: other.path)
        try fm.createSymbolicLink(atPath: seeds.appendingPathComponent("link.txt").path, withDestinationPath: other.appendingPathComponent("d.txt").path)
        try fm.createSymbolicLink(atPath: seeds.appendingPathComponent("broken.txt").path, withDestinationPath: "nowhere")
        let listed = try LoadStage.list(from: seeds).map(\.path)
        #expect(listed == [".hidden/b.txt", "README/c.txt", "a.txt", "link.txt", "sub/deeper/f.txt", "sub/e.txt"])
    }
}
