@testable import BroadsheetBuild
import Foundation
import Testing

/// The index-record cache maps its files and drops their pages after each batch; the bytes must
/// read the same afterwards (a heap buffer given the same treatment would read back as zeros).
@Suite("Mapped files")
struct MappedFileTests {
    @Test("a mapped file reads as the file's bytes, also after its pages were released")
    func mappedBytesSurviveRelease() throws {
        let scratch = try SiteFixture.scratch("mapped")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let url = scratch.appendingPathComponent("records.bin")
        // Several pages, none of them zero, so a page dropped to zeros would show.
        let bytes = Data((0..<40_000).map { UInt8(1 + $0 % 251) })
        try bytes.write(to: url)
        let mapped = try #require(MappedFile.data(at: url))
        #expect(mapped == bytes)
        MappedFile.releasePages(mapped)
        #expect(mapped == bytes)
    }

    @Test("an empty file maps to empty bytes and a missing one to nil")
    func emptyAndMissingFiles() throws {
        let scratch = try SiteFixture.scratch("mapped-empty")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let empty = scratch.appendingPathComponent("empty.bin")
        try Data().write(to: empty)
        #expect(MappedFile.data(at: empty) == Data())
        #expect(MappedFile.data(at: scratch.appendingPathComponent("missing.bin")) == nil)
    }
}
