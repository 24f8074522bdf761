import BroadsheetText
import Testing

/// The OpenCC boundary and the per-character folding that topic matching relies on.
@Suite("Traditional folding")
struct TextFoldingTests {
    @Test("OpenCC reports a configuration it cannot open instead of returning a bad handle")
    func badConfiguration() {
        #expect(throws: OpenCC.Failure.self) { try OpenCC(config: "no-such-config.json") }
    }

    @Test("whole-string t2s converts the traditional seed's key phrases")
    func wholeString() throws {
        let t2s = try #require(OpenCC.t2s)
        #expect(t2s.convert("全市穩就業工作推進會召開") == "全市稳就业工作推进会召开")
        #expect(t2s.convert("") == "")
    }

    @Test("the per-character table folds the characters of the topics' vocabulary")
    func perCharacter() {
        let normalizer = SearchNormalizer()
        #expect(normalizer.normalize("穩就業 鄉村振興 農民工 生態環境 職業技能 畢業生 ＰＭ２．５") == "稳就业 乡村振兴 农民工 生态环境 职业技能 毕业生 pm2.5")
        // Simplified text is left as it is.
        #expect(normalizer.normalize("稳就业乡村振兴") == "稳就业乡村振兴")
    }
}
