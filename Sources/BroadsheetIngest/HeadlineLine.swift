/// What a line standing outside the story text is: part of a headline, a byline, a column name…
enum HeadlineLineKind: Equatable {
    case headline
    /// Ends with `——`: a kicker.
    case kicker
    /// Begins with `——`, or names and roles (`朱晓东出席并讲话 李建国主持`): a deck.
    case deck
    case byline
    case names
    case banner
    case caption
}

enum HeadlineLineRules {
    static let deckVerbs = ["出席并讲话", "出席并致辞", "讲话", "講話", "主持", "致辞", "致辭", "出席", "参加", "參加", "调研", "作报告", "宣讲"]

    static func kind(_ text: String) -> HeadlineLineKind {
        let t = text.trimmingSpaces()
        if CaptionParser.parse(t) != nil { return .caption }
        if BylineParser.parseLine(t) != nil { return .byline }
        if t.hasSuffix("——") || t.hasSuffix("--") { return .kicker }
        if t.hasPrefix("——") || t.hasPrefix("--") { return .deck }
        // Bulleted deck items (`■ 网络、定制等新兴消费看点纷呈■ 全国旅游…`).
        if let first = t.first, "■●◆▲".contains(first) { return .deck }
        let tokens = t.split(separator: " ").map(String.init)
        if tokens.count >= 2, tokens.contains(where: { token in deckVerbs.contains { token.hasSuffix($0) } }) { return .deck }
        // `尤权出席并讲话`: one name and what the person did at the event.
        if tokens.count == 1, t.count <= 12, ["出席并讲话", "出席并致辞", "讲话", "主持", "致辞"].contains(where: { t.hasSuffix($0) }),
           !t.canonicalContains("召开") { return .deck }
        if isBanner(t) { return .banner }
        if BylineParser.parseNameList(t) != nil { return .names }
        return .headline
    }

    /// A column name (`记者观察`, `新知`): a short label of ideographs only.
    static func isColumnName(_ t: String) -> Bool {
        let text = t.trimmingSpaces()
        return (2...6).contains(text.count) && text.allSatisfy(CharacterRules.isIdeograph)
    }

    /// Series banners between articles (`聚焦“…”系列主题新闻发布会`).
    static func isBanner(_ t: String) -> Bool {
        t.canonicalContains("系列") || t.hasSuffix("专栏") || t.hasSuffix("专题") || t.hasSuffix("特刊")
    }

    /// Could this line be part of a headline block? No clause punctuation, balanced quotes, short.
    static func isHeadlineLike(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        if let scalars = SimpleScalars.of(t) {
            return isHeadlineLike(trimmed: t, scalars: scalars, dateline: DatelineParser.parse(t) != nil)
        }
        return isHeadlineLikeByCharacter(t)
    }

    /// `isHeadlineLike` for text that is not all simple scalars (the rule, as written).
    static func isHeadlineLikeByCharacter(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        guard !t.isEmpty, CharacterRules.ideographCount(t) >= 2, t.count <= 40 else { return false }
        if DatelineParser.startsDateline(t) || isClosingNote(t) { return false }
        if BylineParser.parseLine(t) != nil { return true }
        if t.filter({ $0 == "“" }).count != t.filter({ $0 == "”" }).count { return false }
        // Punctuation inside quotation marks is allowed (`“梨子卖得不错，今年再扩大规模”`).
        // A colon may name a person or place in a title (`许亨植：白山黑水间的百战英雄`), but not
        // introduce speech or end the line.
        let outside = unquoted(t)
        let colonOK = !t.hasSuffix("：") && !t.contains("：“") && outside.filter({ $0 == "：" }).count <= 1
        // `！` and `？` may stand inside a title (`首破万亿元！春节消费亮眼`), not at a line's end.
        let exclaimOK = !t.hasSuffix("！") && !t.hasSuffix("？")
        if outside.contains(where: { c in
            CharacterRules.clausePunctuation.contains(c) && !(c == "：" && colonOK) && !("！？".contains(c) && exclaimOK)
        }) { return false }
        if t.filter({ $0 == "（" || $0 == "(" }).count != t.filter({ $0 == "）" || $0 == ")" }).count { return false }
        if let last = t.last, "、《（(“‘".contains(last) { return false }
        return true
    }

    /// The text outside “…” quotations.
    static func unquoted(_ text: String) -> String {
        var depth = 0
        var out = ""
        for c in text {
            if c == "“" { depth += 1; continue }
            if c == "”" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// A closing byline standing on its own line: `（欧阳洁）`, `(張 曄)`.
    static func isClosingByline(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        guard let first = t.first, let last = t.last, "（(".contains(first), "）)".contains(last) else { return false }
        let names = BylineParser.tokens(String(t.dropFirst().dropLast()))
        return !names.isEmpty && names.count <= 4 && names.allSatisfy { $0.count >= 2 && $0.count <= 4 && $0.allSatisfy(CharacterRules.isIdeograph) }
    }

    /// A bracketed note closing a story: its dateline, as foreign correspondents' reports close
    /// (`（本报首尔2月13日电）`), or the author's post (`（作者为中国驻西班牙大使）`). It is the last
    /// paragraph of the story above, not headline material.
    static func isClosingNote(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        guard let first = t.first, let last = t.last, "（(".contains(first), "）)".contains(last) else { return false }
        let inner = String(t.dropFirst().dropLast()).trimmingSpaces()
        return DatelineParser.startsDateline(inner) || inner.hasPrefix("作者为") || inner.hasPrefix("作者系")
    }

    /// Letter-spaced headline (`市 政 府 召 开`): most space-separated tokens are one character.
    static func isLetterSpaced(_ text: String) -> Bool {
        let tokens = text.trimmingSpaces().split(separator: " ")
        return tokens.count >= 4 && tokens.filter { $0.count == 1 }.count * 3 >= tokens.count * 2
    }
}
