import BroadsheetModel
import BroadsheetSearch
import BroadsheetText
import Foundation

/// The fixture articles (Fixtures/articles, the real corpus's form: line 1 kicker, line 2 title,
/// line 3 subtitle, then paragraphs; the date comes from the file name) and a brute-force
/// substring scan over their normalised text, the ground truth of the search tests.
struct FixtureCorpus {
    let articles: [Article]
    let normalizer = SearchNormalizer()
    /// Per article: the normalised kicker, title, subtitle and body, searched separately.
    let fields: [String: [String]]
    let headFields: [String: [String]]

    static let shared = FixtureCorpus()

    init() {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("articles")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        var articles: [Article] = []
        for name in names {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))) }
            guard lines.count > 1, !lines[1].isEmpty else { continue }
            let stem = String(name.dropLast(4))
            let day = Int(stem.prefix(8))!
            var article = Article(
                title: lines[1], kicker: lines[0].isEmpty ? nil : lines[0],
                subtitle: lines.count > 2 && !lines[2].isEmpty ? lines[2] : nil,
                date: ArticleDate(year: day / 10000, month: day / 100 % 100, day: day % 100), source: name,
                script: stem.hasSuffix("-t") ? .traditional : .simplified,
                body: lines.dropFirst(3).filter { !$0.isEmpty }.map { .paragraph($0) })
            article.slug = stem
            articles.append(article)
        }
        var fields: [String: [String]] = [:], heads: [String: [String]] = [:]
        let normalizer = SearchNormalizer()
        for index in articles.indices {
            let a = articles[index]
            let head = [a.kicker, a.title, a.subtitle].compactMap { $0 }.map { normalizer.normalize($0) }
            let all = head + [normalizer.normalize(a.plainText)]
            // Topics by rule, so that topic filters have something to filter.
            articles[index].topics = [("employment", "就业"), ("ecology", "生态")].filter { t in all.contains { $0.contains(t.1) } }.map(\.0)
            fields["articles/\(a.slug).html"] = all
            heads["articles/\(a.slug).html"] = head
        }
        self.articles = articles
        index = SearchIndexBuilder(topics: [.init(id: "employment", name: "就业"), .init(id: "ecology", name: "生态环境")]).build(articles: articles)
        self.fields = fields
        self.headFields = heads
    }

    /// The fixtures' index, built once per test run.
    let index: [SearchIndexFile]

    /// URLs whose normalised text contains the normalised phrase.
    func containing(_ phrase: String) -> Set<String> {
        let p = normalizer.normalize(phrase)
        return Set(fields.filter { $0.value.contains { $0.contains(p) } }.keys)
    }

    /// URLs whose normalised text holds the ASCII token with no ASCII letter or digit on either side.
    func containing(token: String) -> Set<String> {
        let t = normalizer.normalize(token)
        return Set(fields.filter { entry in entry.value.contains { Self.hasToken(t, in: $0) } }.keys)
    }

    static func isASCIIWord(_ c: Character?) -> Bool {
        guard let c, c.isASCII else { return false }
        return c.isLetter || c.isNumber
    }

    static func hasToken(_ token: String, in text: String) -> Bool {
        var searchFrom = text.startIndex
        while let range = text[searchFrom...].firstRange(of: token) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isASCIIWord(before), !isASCIIWord(after) { return true }
            searchFrom = text.index(after: range.lowerBound)
        }
        return false
    }
}

/// A small deterministic generator (SplitMix64) so the sampled query set is the same every run.
struct SampleGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

extension FixtureCorpus {
    /// Han-only substrings of the normalised texts, of 1 to 6 characters.
    func samplePhrases(count: Int, seed: UInt64) -> [String] {
        var rng = SampleGenerator(state: seed)
        let texts = fields.keys.sorted().flatMap { fields[$0]! }.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        var phrases: [String] = []
        var attempts = 0
        while phrases.count < count, attempts < count * 50 {
            attempts += 1
            let text = texts[rng.below(texts.count)]
            let length = 1 + rng.below(6)
            guard text.count >= length else { continue }
            let start = rng.below(text.count - length + 1)
            let slice = text[start..<start + length]
            guard slice.allSatisfy(CJK.isIdeograph) else { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            phrases.append(String(view))
        }
        return phrases
    }

    /// ASCII letter/digit tokens found in the texts (GDP, 5G, 12315 …).
    func sampleTokens() -> [String] {
        var tokens = Set<String>()
        for text in fields.values.flatMap({ $0 }) {
            var current = ""
            for c in text + " " {
                if Self.isASCIIWord(c) { current.append(c) } else {
                    if !current.isEmpty { tokens.insert(current) }
                    current = ""
                }
            }
        }
        return tokens.sorted()
    }
}
