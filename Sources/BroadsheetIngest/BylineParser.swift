import BroadsheetModel
import BroadsheetText

/// Names and roles: `记者张志远 实习生周士桢`, `本报记者 王龙飞 王佳丽`, `(張 曄)`, `本报记者 王佳丽 摄`.
enum BylineParser {
    static let roles = ["本报特约记者", "本报通讯员", "本报记者", "特约记者", "见习记者", "摄影记者", "通讯员", "通訊員", "实习生", "實習生", "記者", "记者", "摄影", "攝影"]
    nonisolated(unsafe) static let nameToken = try! Regex(#"^[\p{Han}·]{2,5}$"#)

    /// `token.firstMatch(of: nameToken) != nil`. Every scalar in U+4E00–U+9FA5 is of the Han
    /// script and its own Character, so a token made only of those and `·` matches exactly when
    /// it has 2 to 5 of them; other tokens ask the regex.
    static func isNameToken(_ token: String) -> Bool {
        var count = 0
        for scalar in token.unicodeScalars {
            guard (0x4E00...0x9FA5).contains(scalar.value) || scalar.value == 0xB7 else { return token.firstMatch(of: nameToken) != nil }
            count += 1
        }
        return (2...5).contains(count)
    }

    /// `记者张晓洁 谢希瑶` → [张晓洁 (记者), 谢希瑶 (记者)]. A name list without a role gets nil roles.
    static func parseParenthesised(_ text: String) -> [Author] {
        var authors: [Author] = []
        var role: String?
        for raw in tokens(text) {
            var token = raw
            if let found = roles.first(where: { token.hasPrefix($0) }) {
                role = normalisedRole(found)
                token = String(token.dropFirst(found.count))
                if token.isEmpty { continue }
            }
            if token == "摄" || token == "攝" { continue }
            guard isNameToken(token) else { continue }
            authors.append(Author(name: token, role: role))
        }
        return authors
    }

    /// A standalone byline line (`本报记者 王龙飞 王佳丽`), or nil when the line is not one.
    static func parseLine(_ line: String) -> [Author]? {
        let text = line.trimmingSpaces()
        guard let role = roles.first(where: { text.hasPrefix($0) }), text.dropFirst(role.count).first?.isWhitespace == true, !text.contains(where: { CharacterRules.clausePunctuation.contains($0) }),
              text.count <= 30 else { return nil }
        let authors = parseParenthesised(text)
        return authors.isEmpty ? nil : authors
    }

    /// A line made only of personal names separated by spaces (`刘云峰 李林霞 王秀娟`), two names at least.
    static func parseNameList(_ line: String) -> [Author]? {
        let parts = tokens(line)
        guard parts.count >= 2, parts.allSatisfy({ isNameToken($0) && $0.count <= 3 }) else { return nil }
        return parts.map { Author(name: $0, role: nil) }
    }

    /// Space-separated tokens, rejoining two-character names padded with a space (`張 曄`).
    static func tokens(_ text: String) -> [String] {
        // In text of simple scalars (see SimpleScalars) the separators, token lengths and first
        // characters read the same on scalars, without grapheme breaking.
        if SimpleScalars.all(text) { return scalarTokens(text) }
        let raw = text.split(whereSeparator: { " \u{3000}\u{00A0}、,，".contains($0) }).map(String.init)
        var out: [String] = []
        var i = 0
        while i < raw.count {
            if raw[i].count == 1, i + 1 < raw.count, raw[i + 1].count == 1,
               CharacterRules.isIdeograph(raw[i].first!), CharacterRules.isIdeograph(raw[i + 1].first!) {
                out.append(raw[i] + raw[i + 1])
                i += 2
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return out
    }

    /// `tokens` for text whose scalars are all simple.
    static func scalarTokens(_ text: String) -> [String] {
        var raw: [Substring] = []
        let u = text.unicodeScalars
        var start: String.Index?
        var i = u.startIndex
        while i < u.endIndex {
            switch u[i].value {
            case 0x20, 0x3000, 0xA0, 0x3001, 0x2C, 0xFF0C:
                if let s = start { raw.append(text[s..<i]); start = nil }
            default:
                if start == nil { start = i }
            }
            i = u.index(after: i)
        }
        if let s = start { raw.append(text[s..<u.endIndex]) }
        /// The token's only scalar, when it has exactly one.
        func single(_ token: Substring) -> Unicode.Scalar? {
            let s = token.unicodeScalars
            guard let first = s.first, s.index(after: s.startIndex) == s.endIndex else { return nil }
            return first
        }
        var out: [String] = []
        out.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            if k + 1 < raw.count, let a = single(raw[k]), let b = single(raw[k + 1]), CJK.isIdeograph(a), CJK.isIdeograph(b) {
                out.append(String(raw[k]) + String(raw[k + 1]))
                k += 2
            } else {
                out.append(String(raw[k]))
                k += 1
            }
        }
        return out
    }

    static func normalisedRole(_ role: String) -> String {
        if role.hasSuffix("记者") || role.hasSuffix("記者") { return role.hasSuffix("摄影记者") ? "摄影记者" : "记者" }
        if role.hasSuffix("通讯员") || role.hasSuffix("通訊員") { return "通讯员" }
        if role.hasPrefix("实习") || role.hasPrefix("實習") { return "实习生" }
        return "摄"
    }
}
