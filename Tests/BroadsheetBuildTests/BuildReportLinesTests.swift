@testable import BroadsheetBuild
import Foundation
import Testing

/// `build-report.json` keeps the previous report's line of each unchanged input; the report must
/// still be byte for byte what a clean build writes, and lines of a report edited by hand are not
/// reused. (A report whose new bytes equal the recorded ones is left in place, edited or not,
/// as every output file is.)
@Suite("Build report lines")
struct BuildReportLinesTests {
    /// Appends a paragraph that makes a new article (so the report changes) to the seeds' second file.
    static func addArticle(_ seeds: URL) throws {
        let handle = try FileHandle(forWritingTo: try IncrementalBuildTests.inputs(seeds)[1])
        handle.seekToEndOfFile()
        handle.write(try Data(contentsOf: SiteFixture.fixtures.appendingPathComponent("index-cache/added-paragraph.txt")))
        try handle.close()
    }

    @Test("after an edit that changes the report, it equals a clean build's")
    func reusedLines() throws {
        let (scratch, seeds, out, _) = try ListingReuseTests.firstBuild("report-lines")
        try Self.addArticle(seeds)
        try ListingReuseTests.editEntriesAndRebuild(seeds, out, scratch: scratch)
    }

    @Test("a previous report changed by hand lends no line to the next one")
    func damagedReport() throws {
        let (scratch, seeds, out, _) = try ListingReuseTests.firstBuild("report-damaged")
        let report = out.appendingPathComponent(BuildReportLines.path)
        let text = try String(contentsOf: report, encoding: .utf8)
        try text.replacingOccurrences(of: "\"articles\":[{", with: "\"articles\":[ {").write(to: report, atomically: false, encoding: .utf8)
        try Self.addArticle(seeds)
        try ListingReuseTests.editEntriesAndRebuild(seeds, out, scratch: scratch)
    }
}
