import BroadsheetRender
import Testing

@Suite("Excerpts and reading time")
struct TextMeasureTests {
    @Test("an excerpt ends at the last sentence end that fits the limit")
    func cutsAtSentenceEnd() {
        let text = "第一句话说完了。第二句也结束了！第三句非常非常非常非常非常长，超过了限制还没有结束"
        let excerpt = Excerpt.make(from: [text], limit: 20)
        #expect(excerpt == "第一句话说完了。第二句也结束了！")
    }

    @Test("a closing quote after the sentence end stays in the excerpt")
    func keepsClosingQuote() {
        let text = "他说：“我们一定能完成任务。”随后大家继续讨论了很久很久很久很久很久很久很久。"
        #expect(Excerpt.make(from: [text], limit: 24) == "他说：“我们一定能完成任务。”")
    }

    @Test("the limit is counted in characters, not bytes")
    func countsCharacters() {
        let text = String(repeating: "就", count: 50) + "。" + String(repeating: "业", count: 100)
        let excerpt = Excerpt.make(from: [text], limit: 60)
        #expect(excerpt.count == 51)
        #expect(excerpt.hasSuffix("。"))
    }

    @Test("without a sentence end in reach, the excerpt is cut hard and marked with an ellipsis")
    func hardCutWithEllipsis() {
        let text = String(repeating: "字", count: 200)
        let excerpt = Excerpt.make(from: [text], limit: 80)
        #expect(excerpt == String(repeating: "字", count: 80) + "…")
    }

    @Test("a short text is the whole excerpt, paragraphs joined")
    func shortTextWhole() {
        #expect(Excerpt.make(from: ["　　短讯一则。", "第二段。"], limit: 120) == "短讯一则。第二段。")
    }

    @Test("reading time counts characters at 450 a minute, rounding up, at least one minute")
    func readingTime() {
        #expect(ReadingTime.minutes(for: "") == 1)
        #expect(ReadingTime.minutes(for: String(repeating: "字", count: 450)) == 1)
        #expect(ReadingTime.minutes(for: String(repeating: "字", count: 451)) == 2)
        #expect(ReadingTime.minutes(for: String(repeating: "字 \n", count: 900)) == 2)
    }
}
