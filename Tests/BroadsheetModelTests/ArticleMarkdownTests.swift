import BroadsheetModel
import Foundation
import Testing

struct ScalarCase: Decodable, CustomTestStringConvertible {
    var value: String
    var yaml: String
    var testDescription: String { value }
}

let scalarCases: [ScalarCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/yaml-scalars.json")
    return (try? JSONDecoder().decode([ScalarCase].self, from: Data(contentsOf: url))) ?? []
}()

@Suite("Markdown with front matter")
struct ArticleMarkdownTests {
    @Test("front-matter scalars are quoted exactly when plain YAML would misread them", arguments: scalarCases)
    func yamlScalarsRoundTrip(_ scalar: ScalarCase) {
        #expect(ArticleMarkdown.yaml(scalar.value) == scalar.yaml)
    }

    @Test("the fixture table is loaded")
    func fixturesLoad() { #expect(scalarCases.count >= 10) }

    @Test("optional keys are omitted when absent and the date is ISO only when the year is known")
    func optionalKeysAreOmitted() {
        var article = Article(title: "标题", date: ArticleDate(year: nil, month: 9, day: 25), source: "a.txt",
                              body: [.paragraph("正文。")])
        var md = ArticleMarkdown.render(article)
        #expect(!md.contains("subtitle:") && !md.contains("kicker:") && !md.contains("\ndate:"))
        #expect(md.contains("date_partial: \"--09-25\""))
        article.date = ArticleDate(year: 2025, month: 9, day: 25)
        article.titleGenerated = true
        md = ArticleMarkdown.render(article)
        #expect(md.contains("\ndate: 2025-09-25\n"))
        #expect(md.contains("\ntitle_generated: true\n"))
    }

    @Test("story text that starts like Markdown syntax stays a paragraph")
    func paragraphsAreEscaped() {
        let body = ArticleMarkdown.body([.paragraph("1.85%的国土面积"), .paragraph("# 不是标题"), .heading(level: 2, text: "小标题")])
        #expect(body == "1\\.85%的国土面积\n\n\\# 不是标题\n\n## 小标题\n")
    }
}
