@testable import BroadsheetText
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

/// `SearchNormalizer` maps most text scalar by scalar instead of through Foundation's NFKC; the
/// two must agree wherever the scalar path answers.
@Suite("Search normalisation by scalar")
struct ScalarNormalizationTests {
    static let covered: [ClosedRange<UInt32>] = [
        0x00...0x7F, 0xA0...0xA0, 0xB7...0xB7, 0x2014...0x2015, 0x2018...0x2019, 0x201C...0x201D, 0x2026...0x2026,
        0x25A0...0x25FF, 0x3000...0x301F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E,
    ]

    @Test("every scalar the scalar path covers normalises as Foundation's NFKC path does")
    func everyCoveredScalar() {
        let normalizer = SearchNormalizer()
        var mismatches: [String] = []
        for range in Self.covered {
            for value in range {
                let text = String(Unicode.Scalar(value)!)
                let fast = normalizer.normalizeByScalar(text)
                if fast == nil || fast != normalizer.normalizeWithFoundation(text) { mismatches.append(String(value, radix: 16)) }
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("mixed text normalises as Foundation's path does, and text outside the covered scalars takes that path")
    func mixedText() {
        let normalizer = SearchNormalizer()
        for text in ["穩就業　ＡＢＣ，pm2.5……“鄉村振興”■ Ｚ", "A\u{3000}B\u{A0}c", "ｱｲ", "ﾞ", "Å", "e\u{301}", "①", "\u{F900}"] {
            #expect(normalizer.normalize(text) == normalizer.normalizeWithFoundation(text))
        }
        #expect(normalizer.normalizeByScalar("e\u{301}") == nil)
        #expect(normalizer.normalizeByScalar("\u{F900}") == nil)
    }
}
