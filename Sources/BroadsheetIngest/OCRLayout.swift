/// Line-level facts about a hard-wrapped OCR page: blank lines, datelines, local column width,
/// headline-like lines. Shared by the OCR reader's passes.
struct OCRLayout {
    let lines: [SourceLine]

    var count: Int { lines.count }
    func text(_ i: Int) -> String { lines[i].trimmed }
    func isBlank(_ i: Int) -> Bool { lines[i].isBlank }
    func isDateline(_ i: Int) -> Bool { !isBlank(i) && DatelineParser.startsDateline(lines[i].text) }
    func isHeadlineLike(_ i: Int) -> Bool { !isBlank(i) && HeadlineLineRules.isHeadlineLike(lines[i].text) }
    func width(_ i: Int) -> Int { CharacterRules.width(LayoutSpaces.collapse(text(i))) }

    func nextNonBlank(from i: Int) -> Int? {
        var k = i
        while k < count, isBlank(k) { k += 1 }
        return k < count ? k : nil
    }

    /// The column width around line `i`: the median width of the nearby text lines. Lines of a
    /// column are all about this wide, except a paragraph's last line.
    func localWidth(_ i: Int) -> Int {
        var widths: [Int] = []
        for k in max(0, i - 8)...min(count - 1, i + 8) where !isBlank(k) {
            let w = CharacterRules.width(text(k))
            if w >= 12 { widths.append(width(k)) }
        }
        guard !widths.isEmpty else { return width(i) }
        widths.sort()
        return widths[widths.count * 2 / 3]
    }

    /// Consecutive non-blank lines from `i`, stopping before a dateline (other than at `i`).
    func segment(from i: Int) -> [Int] {
        var out: [Int] = []
        var k = i
        while k < count, !isBlank(k), out.isEmpty || !isDateline(k) {
            out.append(k)
            k += 1
        }
        return out
    }

    func joined(_ indices: [Int]) -> String {
        indices.reduce("") { LayoutSpaces.join($0, text($1)) }
    }
}
