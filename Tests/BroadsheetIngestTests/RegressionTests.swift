import BroadsheetModel
import Testing

/// Bugs found by bench/ingest-accuracy on pages the ingest had never seen, one fixture each.
@Suite("Regressions found by the accuracy harness")
struct RegressionTests {
    @Test("a 、 between two reporters' names stays as printed, and both are authors")
    func bylineEnumerationComma() throws {
        let result = try FixtureLoader.ingest("regressions/byline-enumeration-comma.txt")
        let article = try #require(result.articles.first)
        #expect(article.paragraphs.first?.hasPrefix("新华社华盛顿2月22日电（记者周效政、刘阳）当地时间") == true)
        #expect(article.authors.map(\.name) == ["周效政", "刘阳"])
    }
}

extension RegressionTests {
    @Test("a lone title after a finished story closes it when the story below has no dateline")
    func headlineBeforeUndatedStory() throws {
        let result = try FixtureLoader.ingest("regressions/headline-after-body-before-undated-story.txt")
        #expect(result.articles.map(\.title) == ["春节消费首破万亿元", "基层治理容不得虚"])
        #expect(result.articles.last?.paragraphs.first?.hasPrefix("晚上9点多接到上级通知") == true)
    }

    @Test("a headline between two stories closes the one above even when the one below shares its words")
    func headlineBetweenStoriesSharingWords() throws {
        let result = try FixtureLoader.ingest("regressions/headline-between-stories-shared-wording.txt")
        #expect(result.articles.map(\.title) == ["春风行动招聘会举行", "我市总结春风行动招聘会经验"])
        #expect(result.articles.allSatisfy { !$0.titleGenerated && $0.kicker == nil })
    }

    @Test("a bracketed dateline closing a story is its last paragraph, not the next headline's kicker")
    func closingDateline() throws {
        let result = try FixtureLoader.ingest("regressions/closing-dateline.txt")
        #expect(result.articles.map(\.title) == ["韩日关系再起风波", "嫦娥四号再次月夜休眠"])
        #expect(result.articles.first?.paragraphs.last == "（本报首尔2月13日电）")
        #expect(result.articles.allSatisfy { $0.kicker == nil })
    }
}

extension RegressionTests {
    @Test("a bulleted deck line (■ …■ …) marks a headline block that closes the story above")
    func bulletedDeck() throws {
        let result = try FixtureLoader.ingest("regressions/bulleted-deck.txt")
        #expect(result.articles.map(\.title) == ["首破万亿元！春节消费亮眼", "新年俗让生活更美好"])
        // The space after a bullet is typography either way; the deck's words must all be there.
        #expect(result.articles.first?.subtitle?.filter { $0 != " " } == "■网络、定制等新兴消费看点纷呈■全国旅游接待总人数超四亿人次")
        #expect(result.articles.last?.paragraphs.first?.hasPrefix("走进故宫博物院") == true)
    }
}

extension RegressionTests {
    @Test("an author's note closing a commentary is its last paragraph and ends the story")
    func closingAuthorNote() throws {
        let result = try FixtureLoader.ingest("regressions/closing-author-note.txt")
        #expect(result.articles.map(\.title) == ["共创美好未来", "基层治理容不得虚"])
        #expect(result.articles.first?.paragraphs.last == "（作者为中国驻西班牙大使）")
        #expect(result.articles.allSatisfy { $0.kicker == nil })
    }
}
