import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

@Suite("Topic pagination")
struct PaginationTests {
    @Test("45 items make three pages of 20, 20 and 5")
    func pageRanges() {
        let pagination = Pagination(itemCount: 45, pageSize: 20)
        #expect(pagination.pageCount == 3)
        #expect(pagination.range(ofPage: 1) == 0..<20)
        #expect(pagination.range(ofPage: 3) == 40..<45)
    }

    @Test("page navigation links the first and last pages and two either side of the current one, with gaps")
    func navigationWindow() {
        let pagination = Pagination(itemCount: 2000, pageSize: 20)
        #expect(pagination.visiblePages(around: 1) == [1, 2, 3, nil, 100])
        #expect(pagination.visiblePages(around: 50) == [1, nil, 48, 49, 50, 51, 52, nil, 100])
        #expect(pagination.visiblePages(around: 97) == [1, nil, 95, 96, 97, 98, 99, 100])
        #expect(Pagination(itemCount: 45).visiblePages(around: 2) == [1, 2, 3])
    }

    @Test("an empty topic still has its first page")
    func emptyTopic() {
        #expect(Pagination(itemCount: 0).pageCount == 1)
        #expect(Pagination(itemCount: 0).range(ofPage: 1).isEmpty)
    }

    @Test("a topic of 45 articles is written as index.html, page-2.html and page-3.html, newest first")
    func topicPages() throws {
        let articles = (1...45).map { day in
            var article = Article(title: "就业新闻第\(day)篇", date: ArticleDate(year: 2024, month: 1 + day / 28, day: 1 + day % 28),
                                  source: "s.txt", body: [.paragraph("稳就业工作扎实推进。")], topics: ["employment"])
            article.slug = String(format: "a%02d", day)
            return article
        }
        let files = try CorpusFixture.renderSite(articles.shuffled())
        #expect(files["topics/employment/index.html"] != nil)
        #expect(files["topics/employment/page-3.html"] != nil)
        #expect(files["topics/employment/page-4.html"] == nil)
        let first = try #require(files["topics/employment/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(first.components(separatedBy: "class=\"entry\"").count - 1 == 20)
        // Newest first: day 45 (Feb 18) opens page 1, and page 3 ends with day 1.
        let newest = try #require(first.firstRange(of: "a45.html"))
        let older = try #require(first.firstRange(of: "a44.html"))
        #expect(newest.lowerBound < older.lowerBound)
        let last = String(decoding: files["topics/employment/page-3.html"]!, as: UTF8.self)
        #expect(last.contains("a01.html"))
        #expect(last.contains("href=\"../../topics/employment/page-2.html\" rel=\"prev\""))
        #expect(String(decoding: files["topics/employment/page-2.html"]!, as: UTF8.self).contains("href=\"../../topics/employment/page-3.html\" rel=\"next\""))
    }
}
