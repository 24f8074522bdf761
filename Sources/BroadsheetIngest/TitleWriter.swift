/// Writes a headline for an article printed without one, from its lead: the dateline and the
/// date phrase go, the first sentence stays (its first clause when the sentence is long), and
/// the final punctuation goes. `5月20日,全市穩就業工作推進會召開。` → `全市穩就業工作推進會召開`.
enum TitleWriter {
    nonisolated(unsafe) static let leadingDate = try! Regex(
        #"^(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日(?:[、至到—-]\d{1,2}日)?)?(?:上午|下午|晚上|晚间|早上|凌晨|晚|中午)?\s*[,，、]\s*"#)
    nonisolated(unsafe) static let leadingTimeWord = try! Regex(#"^(?:近日|日前|近期|目前|近年来|今年以来|当天|当日)\s*[,，]\s*"#)
    static let maxLength = 40
    static let minClause = 8

    static func title(fromLead lead: String) -> String? {
        var text = lead.trimmingSpaces()
        if let dateline = DatelineParser.parse(text) {
            text = String(BodyText.clean(text).dropFirst(dateline.length)).trimmingSpaces()
        }
        // Both patterns start with `^`, so their first match is a prefix match: trying it at the
        // start alone spares the regex a walk over the rest of the lead.
        text = droppingPrefix(leadingDate, of: text)
        text = droppingPrefix(leadingTimeWord, of: text)
        var sentence = cut(text, at: ["。", "！", "？", "!", "?", "；"])
        // The first clause says what happened when it can stand alone; a headline is not a sentence.
        let clause = cut(sentence, at: ["，", ",", "：", ":"])
        if clause.count >= minClause || (sentence.count > maxLength && clause.count >= 6) { sentence = clause }
        let trimmed = sentence.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `text.replacing(regex, with: "", maxReplacements: 1)` for a regex anchored with `^`.
    static func droppingPrefix(_ regex: Regex<AnyRegexOutput>, of text: String) -> String {
        guard let match = text.prefixMatch(of: regex) else { return text }
        return String(text[match.range.upperBound...])
    }

    /// Text up to the first of `stops` that stands outside quotation marks and brackets.
    static func cut(_ text: String, at stops: Set<Character>) -> String {
        var depth = 0
        var out = ""
        for c in text {
            if "“‘「《（(".contains(c) { depth += 1 }
            if "”’」》）)".contains(c) { depth = max(0, depth - 1) }
            if depth == 0, stops.contains(c) { break }
            out.append(c)
        }
        return out
    }
}
