import BroadsheetModel
import BroadsheetSearch
import BroadsheetText
import Foundation
import Testing

/// Sampled queries against a brute-force substring scan of the normalised fixture texts.
@Suite("Search finds exactly the articles that contain the query")
struct SearchRecallTests {
    let corpus = FixtureCorpus.shared
    let engine: SearchEngine

    init() throws {
        engine = try SearchEngine(store: MemorySearchIndexStore(files: FixtureCorpus.shared.index))
    }

    func urls(_ query: String, topic: String? = nil, year: Int? = nil) throws -> Set<String> {
        Set(try engine.search(query, topic: topic, year: year).map(\.url))
    }

    @Test("sampled Chinese phrases of 1–6 characters reach 100% recall and precision")
    func sampledPhrases() throws {
        let phrases = corpus.samplePhrases(count: 400, seed: 7)
        #expect(phrases.count == 400)
        var failures: [String] = []
        for phrase in phrases where try urls(phrase) != corpus.containing(phrase) { failures.append(phrase) }
        #expect(failures.isEmpty, "phrases with wrong results: \(failures.prefix(10))")
    }

    @Test("a quoted phrase finds what the bare phrase finds")
    func quotedPhrases() throws {
        for phrase in corpus.samplePhrases(count: 40, seed: 11) {
            #expect(try urls("\"\(phrase)\"") == corpus.containing(phrase), "\(phrase)")
            #expect(try urls("“\(phrase)”") == corpus.containing(phrase), "\(phrase)")
        }
    }

    @Test("a phrase in traditional characters finds the simplified text and the reverse")
    func traditionalAndSimplified() throws {
        let s2t = try OpenCC(config: "s2t.json")
        var converted = 0
        for phrase in corpus.samplePhrases(count: 300, seed: 13) {
            let traditional = s2t.convert(phrase)
            guard traditional != phrase else { continue }
            converted += 1
            let truth = corpus.containing(phrase)
            #expect(try urls(traditional) == truth, "\(traditional) vs \(phrase)")
        }
        #expect(converted > 20)
        #expect(try urls("就業") == corpus.containing("就业"))
        #expect(try urls("就业") == urls("就業"))
        #expect(try urls("就业").contains("articles/20190301-99-01.html"), "the traditional 就業 in that article folds to 就业")
    }

    @Test("Latin words and numbers are tokens, matched across full and half width and case")
    func latinAndNumberTokens() throws {
        let tokens = corpus.sampleTokens()
        #expect(tokens.contains("12315") && tokens.contains("gdp") && tokens.contains("5g"))
        for token in tokens { #expect(try urls(token) == corpus.containing(token: token), "\(token)") }
        #expect(try urls("ＧＤＰ") == corpus.containing(token: "gdp"))
        #expect(try urls("Gdp") == corpus.containing(token: "gdp"))
        #expect(try urls("１２３１５").contains("articles/20190302-99-01.html"))
    }

    @Test("mixed Latin and Chinese phrases match only when adjacent")
    func mixedPhrases() throws {
        #expect(try urls("A股") == corpus.containing("a股"))
        #expect(try urls("5G网络") == corpus.containing("5g网络"))
        #expect(try urls("5G基站") == corpus.containing("5g基站"))
        #expect(!corpus.containing("5g基站").isEmpty)
    }

    /// Queries made of two sampled phrases, checked against the scan's answer for the pair.
    func checkPairs(seed: UInt64, query: (String, String) -> String, truth: (Set<String>, Set<String>) -> Set<String>) throws {
        let phrases = corpus.samplePhrases(count: 120, seed: seed)
        for i in stride(from: 0, to: phrases.count - 1, by: 2) {
            let q = query(phrases[i], phrases[i + 1])
            #expect(try urls(q) == truth(corpus.containing(phrases[i]), corpus.containing(phrases[i + 1])), "\(q)")
        }
    }

    @Test("several terms combine with AND")
    func conjunction() throws {
        try checkPairs(seed: 17, query: { "\($0) \($1)" }, truth: { $0.intersection($1) })
    }

    @Test("-term excludes the articles that contain it")
    func exclusion() throws {
        try checkPairs(seed: 19, query: { "\($0) -\($1)" }, truth: { $0.subtracting($1) })
        #expect(try urls("-就业").isEmpty, "exclusions alone select nothing")
    }

    @Test("a multi-character query matches the phrase, not its bigrams scattered apart")
    func phrasePrecision() throws {
        let scattered = "articles/20190301-99-01.html"
        let article = corpus.fields[scattered]!.joined(separator: "\n")
        #expect(article.contains("就业") && article.contains("业岗") && article.contains("岗位") && !article.contains("就业岗位"))
        #expect(try !urls("就业岗位").contains(scattered))
        #expect(try urls("就业岗位").contains("articles/20190302-99-01.html"))
        #expect(try urls("就业 岗位").contains(scattered), "as two terms, both occur")
    }

    @Test("topic and year filters narrow the results")
    func filters() throws {
        let employment = Set(corpus.articles.filter { $0.topics.contains("employment") }.map { "articles/\($0.slug).html" })
        #expect(try urls("发展", topic: "employment") == corpus.containing("发展").intersection(employment))
        let march = Set(corpus.articles.filter { $0.date?.month == 3 }.map { "articles/\($0.slug).html" })
        #expect(try urls("就业", year: 2019) == corpus.containing("就业"))
        #expect(try urls("就业", year: 2018).isEmpty)
        #expect(try urls("就业", topic: "no-such-topic").isEmpty)
        #expect(!march.isEmpty)
    }

    @Test("hits in the kicker, title or subtitle rank above body hits; ties go to the newer article")
    func ranking() throws {
        for query in ["就业", "岗位", "发展", "中国"] {
            let results = try engine.search(query)
            let phrase = corpus.normalizer.normalize(query)
            let inHead = results.map { corpus.headFields[$0.url]!.contains { $0.contains(phrase) } }
            #expect(inHead.firstIndex(of: false).map { i in !inHead[i...].contains(true) } ?? true, "\(query): head hits first")
            for (a, b) in zip(results, results.dropFirst()) {
                #expect(a.score > b.score || (a.score == b.score && (a.date ?? "") >= (b.date ?? "")), "\(query): order")
            }
        }
    }
}
