import BroadsheetIngest
import BroadsheetModel
import Testing

@Suite("Robustness: odd inputs become diagnostics, never crashes")
struct RobustnessTests {
    @Test("empty, blank, one-line, headline-only and fragment files ingest without error",
          arguments: ["edge-empty.txt", "edge-blanks.txt", "edge-one-line.txt", "edge-headlines-only.txt", "edge-fragments.txt"])
    func oddInputs(file: String) throws {
        let result = try FixtureLoader.ingest("forms/" + file)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        for article in result.articles {
            #expect(!article.title.isEmpty)
            #expect(article.source == file)
        }
    }

    @Test("a file with no story text says so")
    func emptySaysSo() throws {
        let result = try FixtureLoader.ingest("forms/edge-blanks.txt")
        #expect(result.articles.isEmpty)
        #expect(result.diagnostics.contains { $0.code == "ingest.empty" })
    }
}
