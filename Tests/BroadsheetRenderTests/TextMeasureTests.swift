@testable import BroadsheetRender
import Foundation
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

    @Test("paragraphs are trimmed exactly as Foundation trims whitespace")
    func trimsLikeFoundation() {
        let samples = ["", " ", "\u{3000}\u{3000}正文", "正文\u{3000}", "\t\u{00A0}字\u{2003}", " \u{0301}字", "字\n", "\u{200B}字\u{200B}",
                       "\u{3000}", "a b", "\u{205F}\u{1680}字\u{202F}"]
        for sample in samples {
            #expect(Excerpt.trimmed(sample) == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map(\.value))")
        }
        // Every scalar of the planes where spaces live, on either side.
        for value in 0..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let sample = String(scalar) + "字" + String(scalar)
            #expect(Excerpt.trimmed(sample) == sample.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }

    @Test("a sentence end with a combining mark on it does not end the sentence")
    func markedSentenceEndIsNotAnEnd() {
        let text = String(repeating: "字", count: 30) + "。\u{0301}" + String(repeating: "字", count: 100)
        #expect(Excerpt.make(from: [text], limit: 60) == String(repeating: "字", count: 30) + "。\u{0301}" + String(repeating: "字", count: 29) + "…")
        #expect(Excerpt.isSentenceEnd("！") && Excerpt.isCloser("》") && !Excerpt.isSentenceEnd("，"))
    }

    @Test("the scalar fast path cuts exactly where the Character path cuts")
    func fastPathAgreesWithCharacterPath() {
        // A combining mark far past the window sends the same text down the Character path
        // without changing what the window holds.
        let pieces = ["就业", "。", "！", "”", "》", "）", "abc", "?", "，", "…", "生态", "2025年", "“好”"]
        var state: UInt64 = 42
        func next() -> Int {  // a fixed sequence, so a failure repeats
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<300 {
            let text = (0..<80).map { _ in pieces[next() % pieces.count] }.joined()
            for limit in [10, 40, 120] {
                let slow = Excerpt.make(from: [text + String(repeating: "字", count: 200) + "e\u{0301}"], limit: limit)
                #expect(Excerpt.make(from: [text + String(repeating: "字", count: 200)], limit: limit) == slow, "\(text) / \(limit)")
            }
        }
    }

    @Test("reading time counts characters at 450 a minute, rounding up, at least one minute")
    func readingTime() {
        #expect(ReadingTime.minutes(for: "") == 1)
        #expect(ReadingTime.minutes(for: String(repeating: "字", count: 450)) == 1)
        #expect(ReadingTime.minutes(for: String(repeating: "字", count: 451)) == 2)
        #expect(ReadingTime.minutes(for: String(repeating: "字 \n", count: 900)) == 2)
    }
}
