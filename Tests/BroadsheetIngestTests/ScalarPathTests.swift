@testable import BroadsheetIngest
import Foundation
import Testing

/// Ingest runs its Character rules on Unicode scalars when every scalar is its own Character
/// (SimpleScalars), and as written otherwise. Both ways must give the same answers: on every line
/// of the fixtures, and on lines made to fall off the scalar path (combining marks, CR, a
/// prepended mark, compatibility ideographs, Hangul).
@Suite("Scalar paths agree with the Character rules")
struct ScalarPathTests {
    static let lines: [String] = {
        let root = FixtureLoader.root
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
        var lines: [String] = []
        for url in files {
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
            // Split on LF only: the made-up lines keep their CR.
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines
    }()

    static var texts: [String] {
        let root = FixtureLoader.root
        return FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .sorted { $0.path < $1.path }
            .compactMap { (try? Data(contentsOf: $0)).flatMap { String(data: $0, encoding: .utf8) } }
    }

    @Test("the fixtures include lines that leave the scalar path")
    func coversBothPaths() {
        #expect(Self.lines.contains { SimpleScalars.of($0) == nil })
        #expect(Self.lines.filter { SimpleScalars.of($0) != nil }.count > 1000)
    }

    @Test("trimming, collapsing and sentence ends")
    func lineRules() {
        for line in Self.lines {
            #expect(line.trimmingSpaces() == line.trimmingSpacesByCharacter(), "\(line.debugDescription)")
            #expect(LayoutSpaces.collapse(line) == LayoutSpaces.collapseByCharacter(line), "\(line.debugDescription)")
            #expect(CharacterRules.endsSentence(line) == CharacterRules.endsSentenceByCharacter(line), "\(line.debugDescription)")
            #expect(CharacterRules.endsSentenceStrongly(line) == CharacterRules.endsSentenceStronglyByCharacter(line), "\(line.debugDescription)")
            #expect(DatelineParser.opensWithSource(line) == DatelineParser.opensWithSourceByCharacter(line), "\(line.debugDescription)")
            #expect(Bigrams(line).set == Bigrams.characterBigrams(line), "\(line.debugDescription)")
            if let scalars = SimpleScalars.of(line) { #expect(SimpleScalars.string(scalars) == line) }
        }
    }

    @Test("headline-likeness and widths of trimmed lines")
    func layoutFacts() {
        for line in Self.lines {
            let t = line.trimmingSpacesByCharacter()
            guard let scalars = SimpleScalars.of(t) else { continue }
            let dateline = DatelineParser.parse(t) != nil
            #expect(HeadlineLineRules.isHeadlineLike(trimmed: t, scalars: scalars, dateline: dateline)
                    == HeadlineLineRules.isHeadlineLikeByCharacter(t), "\(t.debugDescription)")
            #expect(CharacterRules.width(scalars) == CharacterRules.width(t))
            #expect(LayoutSpaces.collapsedWidth(scalars) == CharacterRules.width(LayoutSpaces.collapseByCharacter(t)))
        }
    }

    @Test("name tokens and closing bylines are recognised as their regexes recognise them")
    func bylineRegexes() {
        for line in Self.lines + ["(張 曄)", "（欧阳·娜娜）", "张\u{0301}三", "张\u{0387}三", "一二三四五六"] {
            for token in BylineParser.tokens(line) + [line] {
                #expect(BylineParser.isNameToken(token) == (token.firstMatch(of: BylineParser.nameToken) != nil), "\(token.debugDescription)")
            }
            if !BodyText.mayEndWithBracket(line) { #expect(line.firstMatch(of: BodyText.closingByline) == nil, "\(line.debugDescription)") }
        }
    }

    @Test("deduplicating paragraphs")
    func dedupe() {
        let simple = Self.lines.filter { SimpleScalars.of($0) != nil && $0.count > 10 }
        // Repeats and cut copies, as interleaved columns print them.
        var texts = Array(simple.prefix(300))
        texts += texts.prefix(40).map { String($0.dropLast(3)) } + texts.prefix(20)
        let blocks = texts.enumerated().map { DraftBlock(kind: .paragraph, text: $0.element, line: $0.offset) }
        #expect(Deduplicator.dedupe(blocks) == Deduplicator.dedupeByCharacter(blocks))
        #expect(Deduplicator.dedupe(blocks).count < blocks.count)
    }

    @Test("file-name dates read by hand as the regex reads them")
    func pathDates() {
        let paths = ["pages/20190301_a.txt", "x120190301.txt", "2019030112.txt", "20191301", "a/18990301b/19990231-2.txt",
                     "rmrb/2020/0105/2020010512-01.txt", "a20190301b20200402", "20190301", "人民日报/20190301.txt", "nodate.txt"]
        for path in paths {
            let g = path.firstMatch(YearResolver.pathDate)
            let expected: DateMatcher.PathDate
            if let g, let y = g[1].flatMap({ Int($0) }), let m = g[2].flatMap({ Int($0) }) { expected = .found(year: y, month: m) } else { expected = .none }
            let found = DateMatcher.pathDate(path)
            #expect(found == expected || found == .unknown, "\(path)")
            #expect((found == .unknown) == !path.allSatisfy(\.isASCII))
        }
    }

    @Test("leading dates and time words dropped by a prefix match as by replacing the first match")
    func titlePrefixes() {
        let made = ["5月20日，全市召开会议。", "2023年5月20日上午 ，会议召开", "近日，记者获悉", "当天 , 天气晴", "会议于5月20日，召开", ""]
        for text in Self.texts + made {
            for regex in [TitleWriter.leadingDate, TitleWriter.leadingTimeWord] {
                #expect(TitleWriter.droppingPrefix(regex, of: text) == text.replacing(regex, with: "", maxReplacements: 1))
            }
        }
    }

    @Test("lead years read by hand as the regex reads them")
    func leadYears() {
        let made = ["2019年，2020年以来、2021年底和2022年 3月", "2019年2020年 12019年 2019—2020年 至2018年 到2017年",
                    "～2016年 ~2015年 -2014年 2013 年上半年 2012年同期 (2011年) 2010年\n2009 \u{3000}年", "２０１９年 2019年",
                    "三2019年 2019年度 2019年、2018年", "二〇一九年以来，二〇二〇年 十2021年 2022年三月五日", ""]
        #expect((0..<0x80).allSatisfy { DateRunTable.asciiContains(UInt32($0)) == DateRunTable.contains(UInt32($0)) })
        for text in Self.texts + made {
            let regex = text.matches(of: YearResolver.leadYear).map { Int($0.output[1].substring ?? "") }
            if let hand = DateMatcher.leadYears(text) { #expect(hand == regex, "\(text)") }
        }
        #expect(DateMatcher.leadYears(made[0]) != nil)
    }

    @Test("year and byline regexes find the same matches when run only where they can match")
    func regexWindows() {
        let made = ["2023 年 5 月 3 日，2024年12月1日和 ２０２２年１月２日、三〇二四年5月6日",
                    "二〇一九年三月五日 2019年三月5日 12019年3月5日 2019年123月4日 2019 年\u{3000} 3 月 05 日 20191年 2019年 年3月 1999年1月1 日 2000\t年10月31日",
                    "（ 本报记者 王佳丽）（新华社特约记者张三)(记者)（通讯员（李四））（实习生一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一）（实习生一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十）（本报见习记者 赵五）"]
        for text in Self.texts + made {
            let windowed = YearResolver.dateMatches(.fullDate, in: text)
            #expect(windowed == YearResolver.groups(text.matches(of: YearResolver.fullDate)))
            let years = YearResolver.dateMatches(.anyYear, in: text)
            #expect(years == YearResolver.groups(text.matches(of: YearResolver.anyYear)))
            // Every byline group of the text, one after another, as BodyText.clean walks them.
            var rest = Substring(text)
            while true {
                let found = BodyText.firstBylineGroup(in: rest)
                #expect(found == rest.firstMatch(of: BodyText.bylineGroup)?.range)
                guard let found else { break }
                rest = rest[found.upperBound...]
            }
        }
    }
}
