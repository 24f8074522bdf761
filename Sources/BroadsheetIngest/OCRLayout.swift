/// Line-level facts about a hard-wrapped OCR page: blank lines, datelines, local column width,
/// headline-like lines. Shared by the OCR reader's passes.
struct OCRLayout {
    let lines: [SourceLine]
    // Per-line facts computed once: the readers ask for them many times per line.
    private let trimmedTexts: [String]
    private let blanks: [Bool]
    private let datelines: [Bool]
    private let headlineLike: [Bool]
    private let collapsedWidths: [Int]
    private let printedWidths: [Int]

    init(lines: [SourceLine]) {
        self.lines = lines
        trimmedTexts = lines.map(\.trimmed)
        blanks = lines.map(\.isBlank)
        datelines = lines.map { !$0.isBlank && DatelineParser.startsDateline($0.text) }
        headlineLike = lines.map { !$0.isBlank && HeadlineLineRules.isHeadlineLike($0.text) }
        collapsedWidths = trimmedTexts.map { CharacterRules.width(LayoutSpaces.collapse($0)) }
        printedWidths = trimmedTexts.map(CharacterRules.width)
    }

    var count: Int { lines.count }
    func text(_ i: Int) -> String { trimmedTexts[i] }
    func isBlank(_ i: Int) -> Bool { blanks[i] }
    func isDateline(_ i: Int) -> Bool { datelines[i] }
    func isHeadlineLike(_ i: Int) -> Bool { headlineLike[i] }
    func width(_ i: Int) -> Int { collapsedWidths[i] }

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
            let w = printedWidths[k]
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
