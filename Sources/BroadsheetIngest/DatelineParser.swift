import BroadsheetModel
import BroadsheetText

/// Reads the 电头 that opens a news story: `本报讯 （记者任逢春）9月25日，`,
/// `新华社北京9月26日电 （记者张晓洁 谢希瑶）`, `本报太原 10 月 17 日讯（记者 郝薇）`.
struct ParsedDateline: Equatable {
    var dateline: Dateline
    var month: Int?
    var day: Int?
    var authors: [Author]
    /// Length in characters of the dateline prefix in the (space-collapsed) text.
    var length: Int
}

enum DatelineParser {
    static let sources = ["本报", "新华社", "中新社", "人民日报", "光明日报", "经济日报", "中国日报", "法治日报", "工人日报",
                          "农民日报", "科技日报", "人民网", "新华网", "央视网", "中新网", "央广网", "本刊"]
    static let outlets = ["日报", "晚报", "晨报", "时报"]
    static let notPlace = ["记者", "記者", "通讯员", "通訊員", "评论", "评论员", "特约"]
    /// A date phrase right after the dateline or at the start of a lead: `9月25日，`.
    nonisolated(unsafe) static let leadDate = try! Regex("^(\\d{1,2})月(\\d{1,2})日")

    /// Parses the start of `text`. Written by hand: Swift Regex misplaces capture boundaries
    /// between Han characters and digits in this pattern.
    static func parse(_ text: String) -> ParsedDateline? {
        // Cheap test first: cleaning only removes spaces before the source, so a text whose
        // first non-space characters name no source cannot parse (most lines do not).
        guard opensWithSource(text) else { return nil }
        let probe = Array(BodyText.clean(String(text.prefix(80))))
        // `据新华社…电`: a story taken from an agency.
        let offset = probe.first == "据" ? 1 : 0
        guard let source = source(in: Array(probe.dropFirst(offset))) else { return nil }
        var i = offset + source.count
        let afterSource = String(probe[i...].prefix(3))
        if notPlace.contains(where: { afterSource.hasPrefix($0) }) { return nil }
        var place = ""
        while i < probe.count, place.count < 8, CharacterRules.isIdeograph(probe[i]), probe[i] != "讯", probe[i] != "电" {
            place.append(probe[i]); i += 1
        }
        var month: Int?, day: Int?
        if let (m, d, next) = monthDay(probe, from: i) { month = m; day = d; i = next }
        guard i < probe.count, probe[i] == "讯" || probe[i] == "电" else { return nil }
        i += 1
        var authors: [Author] = []
        var j = i
        while j < probe.count, probe[j] == " " { j += 1 }
        if j < probe.count, probe[j] == "（" || probe[j] == "(" {
            if let close = probe[j...].prefix(42).firstIndex(where: { $0 == "）" || $0 == ")" }) {
                authors = BylineParser.parseParenthesised(String(probe[(j + 1)..<close]))
                i = close + 1
            }
        }
        if month == nil {
            var k = i
            while k < probe.count, probe[k] == " " { k += 1 }
            if let (m, d, _) = monthDay(probe, from: k) { month = m; day = d }
        }
        return ParsedDateline(dateline: Dateline(source: source, place: place.isEmpty ? nil : place),
                              month: month, day: day, authors: authors, length: i)
    }

    /// Whether the first 11 non-space characters (after a 据) open with a source: a cheap test
    /// that most lines fail, first for 报, 社, 网 or 刊, which every source and outlet holds.
    static func opensWithSource(_ text: String) -> Bool {
        // On scalars while they are simple (each its own Character, see SimpleScalars).
        guard mayOpenWithSource(text) else { return false }
        var head: [UInt32] = []
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            let v = scalar.value
            guard SimpleScalars.isSimple(v) else { return opensWithSourceByCharacter(text) }
            if head.count == 11 { break }
            if v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0xFEFF { continue }
            head.append(v)
        }
        guard head.contains(where: { $0 == 0x62A5 || $0 == 0x793E || $0 == 0x7F51 || $0 == 0x520A }) else { return false }
        return hasSource(Array(head.dropFirst(head.first == 0x636E ? 1 : 0)))   // 据
    }

    /// False when the first 11 non-space scalars, all simple, hold none of 报社网刊 (most
    /// lines): the test below without building the head. True whenever it cannot tell.
    private static func mayOpenWithSource(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard SimpleScalars.isSimple(v) else { return true }
            if count == 11 { return false }
            if v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0xFEFF { continue }
            if v == 0x62A5 || v == 0x793E || v == 0x7F51 || v == 0x520A { return true }
            count += 1
        }
        return false
    }

    static func opensWithSourceByCharacter(_ text: String) -> Bool {
        var head: [Character] = []
        for c in text where !(c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" || c == "\u{FEFF}") {
            head.append(c)
            if head.count == 11 { break }
        }
        guard head.contains(where: { $0 == "报" || $0 == "社" || $0 == "网" || $0 == "刊" }) else { return false }
        return source(in: Array(head.dropFirst(head.first == "据" ? 1 : 0))) != nil
    }

    /// `source(in:) != nil` for simple scalars.
    private static func hasSource(_ head: [UInt32]) -> Bool {
        if sourceScalars.contains(where: { head.starts(with: $0) }) { return true }
        for length in 4...8 where length <= head.count {
            let candidate = head[..<length]
            if outletScalars.contains(where: { candidate.reversed().starts(with: $0.reversed()) }),
               candidate.allSatisfy({ CJK.isIdeograph(Unicode.Scalar($0)!) }) { return true }
        }
        return false
    }

    private static let sourceScalars = sources.map { $0.unicodeScalars.map(\.value) }
    private static let outletScalars = outlets.map { $0.unicodeScalars.map(\.value) }

    private static func source(in chars: [Character]) -> String? {
        let head = String(chars.prefix(10))
        if let known = sources.first(where: { head.hasPrefix($0) }) { return known }
        for length in 4...8 where length <= chars.count {
            let candidate = String(chars.prefix(length))
            if outlets.contains(where: { candidate.hasSuffix($0) }), candidate.allSatisfy(CharacterRules.isIdeograph) { return candidate }
        }
        return nil
    }

    /// `9月26日` at `i`: month, day and the index after it.
    static func monthDay(_ chars: [Character], from start: Int) -> (Int, Int, Int)? {
        var i = start
        func number() -> Int? {
            var digits = ""
            while i < chars.count, CharacterRules.isDigit(chars[i]), digits.count < 2 { digits.append(chars[i]); i += 1 }
            return Int(digits)
        }
        guard let m = number(), i < chars.count, chars[i] == "月" else { return nil }
        i += 1
        guard let d = number(), i < chars.count, chars[i] == "日" else { return nil }
        i += 1
        return (1...12).contains(m) && (1...31).contains(d) ? (m, d, i) : nil
    }

    /// True when a line opens a dateline (also when the dateline wraps onto the next line).
    static func startsDateline(_ line: String) -> Bool {
        parse(line.trimmingSpaces()) != nil
    }
}
