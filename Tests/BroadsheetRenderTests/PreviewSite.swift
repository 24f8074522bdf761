import BroadsheetModel
import Foundation
import Testing

/// Writes the fixture site to BROADSHEET_PREVIEW_DIR so a person (and the browser gates) can
/// look at realistic pages before the real ingest exists. With BROADSHEET_PREVIEW_CORPUS set to
/// a folder of the corpus's day folders, renders all of them instead of the fixtures.
@Test("preview site is written where BROADSHEET_PREVIEW_DIR points", .enabled(if: ProcessInfo.processInfo.environment["BROADSHEET_PREVIEW_DIR"] != nil))
func writePreviewSite() throws {
    let environment = ProcessInfo.processInfo.environment
    let output = URL(fileURLWithPath: environment["BROADSHEET_PREVIEW_DIR"]!)
    var articles: [Article] = []
    if let corpus = environment["BROADSHEET_PREVIEW_CORPUS"] {
        let root = URL(fileURLWithPath: corpus)
        for day in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            articles += try CorpusFixture.articles(in: root.appendingPathComponent(day))
        }
    } else {
        articles = try CorpusFixture.articles()
    }
    let files = try CorpusFixture.renderSite(articles)
    for (path, bytes) in files {
        let url = output.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }
    #expect(files["index.html"] != nil)
}
