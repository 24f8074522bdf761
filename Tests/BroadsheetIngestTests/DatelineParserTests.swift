import BroadsheetModel
import Testing
@testable import BroadsheetIngest

@Suite("Datelines and bylines")
struct DatelineParserTests {
    @Test("a Xinhua dateline gives source, place, month, day and both reporters")
    func xinhua() throws {
        let parsed = try #require(DatelineParser.parse("新华社北京9月26日电 （记者张晓洁 谢希瑶）“十四五”期间，"))
        #expect(parsed.dateline == Dateline(source: "新华社", place: "北京"))
        #expect(parsed.month == 9 && parsed.day == 26)
        #expect(parsed.authors == [Author(name: "张晓洁", role: "记者"), Author(name: "谢希瑶", role: "记者")])
    }

    @Test("本报讯 takes its date from the lead and reads reporter and intern roles")
    func benbaoxun() throws {
        let parsed = try #require(DatelineParser.parse("本报讯 （记者张志远 实习生周士桢）9月24日，由忻州市"))
        #expect(parsed.dateline == Dateline(source: "本报", place: nil))
        #expect(parsed.month == 9 && parsed.day == 24)
        #expect(parsed.authors == [Author(name: "张志远", role: "记者"), Author(name: "周士桢", role: "实习生")])
    }

    @Test("a letter-spaced dateline with a place is read after removing layout spaces")
    func spaced() throws {
        let parsed = try #require(DatelineParser.parse("本报太原 10 月 17 日讯（记者 郝薇）10月17日，"))
        #expect(parsed.dateline == Dateline(source: "本报", place: "太原"))
        #expect(parsed.month == 10 && parsed.day == 17)
        #expect(parsed.authors == [Author(name: "郝薇", role: "记者")])
    }

    @Test("据新华社 is an agency dateline")
    func agency() throws {
        let parsed = try #require(DatelineParser.parse("据新华社金边1月30日电（记者毛鹏飞 高炳南）2019“中国—柬埔寨文化旅游年”30日"))
        #expect(parsed.dateline == Dateline(source: "新华社", place: "金边"))
        #expect(parsed.authors.map(\.name) == ["毛鹏飞", "高炳南"])
    }

    @Test("a line that merely starts with 本报记者 is not a dateline")
    func notDateline() {
        #expect(!DatelineParser.startsDateline("本报记者近日电话采访了他"))
        #expect(!DatelineParser.startsDateline("本报记者 王龙飞 王佳丽"))
    }

    @Test("a byline line gives names with roles; a column name is not a byline")
    func bylineLine() {
        #expect(BylineParser.parseLine("本报记者 王龙飞 王佳丽") == [Author(name: "王龙飞", role: "记者"), Author(name: "王佳丽", role: "记者")])
        #expect(BylineParser.parseLine("记者观察") == nil)
    }
}
