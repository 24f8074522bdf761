import BroadsheetModel
@testable import BroadsheetRender
import Testing

@Suite("Integer bigrams")
struct BigramTableTests {
    /// The string definition: each text's bigram set, ids by the strings' sorted order.
    static func referenceIds(_ texts: [String]) -> [[Int32]] {
        let sets = texts.map { RelatedArticles.bigrams(of: Article(title: $0, source: "s.txt")) }
        let vocabulary = Set(sets.flatMap { $0 }).sorted()
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        return sets.map { $0.map { id[$0]! }.sorted() }
    }

    static func tableIds(_ texts: [String]) -> [[Int32]] {
        let table = BigramTable(texts: texts)
        return texts.indices.map { Array(table.terms[table.termStarts[$0]..<table.termStarts[$0 + 1]]) }
    }

    @Test("the integer bigrams of real articles are the string bigrams, ids in string order")
    func corpusSameAsStrings() throws {
        let texts = try CorpusFixture.articles().map(RelatedArticles.text(of:))
        #expect(Self.tableIds(texts) == Self.referenceIds(texts))
    }

    @Test("texts with combining marks, compatibility ideographs, emoji and line breaks give the same bigrams")
    func unusualTextSameAsStrings() {
        let texts = [
            "就业岗位增加，零工市场开张。",
            "cafe\u{301} café CAFÉ 2024年",  // a combining accent: the Character path, equal to the precomposed é
            "\u{F900}国 豈国",  // a compatibility ideograph, canonically equal to 豈
            "豈国家",
            "a\r\nb 第①期 Ⅻ号 ｗｏｒｄ",
            "한국어 문장, か\u{3099}き がき",  // Hangul, a combining voicing mark
            "👍🏽好 𠀀𠀁字 x\u{200D}y",  // emoji with a modifier, supplementary ideographs, a joiner
            "",
        ]
        #expect(Self.tableIds(texts) == Self.referenceIds(texts))
        // The same texts in another order still give ids in the strings' order.
        #expect(Self.tableIds(texts.reversed()) == Self.referenceIds(texts.reversed()))
    }

    @Test("postings list the documents holding each bigram, in document order")
    func postingsInvertTerms() {
        let texts = ["零工市场开张", "市场开放", "零工"]
        let table = BigramTable(texts: texts)
        var expected = [[Int32]](repeating: [], count: table.vocabularySize)
        for d in texts.indices {
            for i in table.termStarts[d]..<table.termStarts[d + 1] { expected[Int(table.terms[i])].append(Int32(d)) }
        }
        for t in 0..<table.vocabularySize {
            #expect(Array(table.documents[table.documentStarts[t]..<table.documentStarts[t + 1]]) == expected[t])
        }
    }
}
