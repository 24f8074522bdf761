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
    private let captionMarks: [Bool]
    private let kinds: LineKindCache

    init(lines: [SourceLine]) {
        self.lines = lines
        var trimmedTexts: [String] = [], blanks: [Bool] = [], datelines: [Bool] = [], headlineLike: [Bool] = []
        var collapsedWidths: [Int] = [], printedWidths: [Int] = [], captionMarks: [Bool] = []
        for line in lines {
            let t = line.trimmed
            let blank = line.isBlank
            // `startsDateline(text)` parses the trimmed text, and so does `isHeadlineLike`.
            let dateline = !blank && DatelineParser.parse(t) != nil
            trimmedTexts.append(t)
            blanks.append(blank)
            captionMarks.append(t.containsAnyBytes(CaptionParser.creditMarks))
            datelines.append(dateline)
            if let scalars = SimpleScalars.of(t) {
                headlineLike.append(!blank && HeadlineLineRules.isHeadlineLike(trimmed: t, scalars: scalars, dateline: dateline))
                collapsedWidths.append(LayoutSpaces.collapsedWidth(scalars))
                printedWidths.append(CharacterRules.width(scalars))
            } else {
                headlineLike.append(!blank && HeadlineLineRules.isHeadlineLikeByCharacter(t))
                collapsedWidths.append(CharacterRules.width(LayoutSpaces.collapse(t)))
                printedWidths.append(CharacterRules.width(t))
            }
        }
        self.trimmedTexts = trimmedTexts
        self.blanks = blanks
        self.datelines = datelines
        self.headlineLike = headlineLike
        self.collapsedWidths = collapsedWidths
        self.printedWidths = printedWidths
        self.captionMarks = captionMarks
        kinds = LineKindCache(count: lines.count)
    }

    var count: Int { lines.count }
    func text(_ i: Int) -> String { trimmedTexts[i] }
    func isBlank(_ i: Int) -> Bool { blanks[i] }
    func isDateline(_ i: Int) -> Bool { datelines[i] }
    func isHeadlineLike(_ i: Int) -> Bool { headlineLike[i] }
    func width(_ i: Int) -> Int { collapsedWidths[i] }
    /// False when line `i` cannot contribute to a caption: `CaptionParser` needs 摄 or 攝, and
    /// text joined from lines holds those bytes only if one of its lines does.
    func mayBeCaption(_ i: Int) -> Bool { captionMarks[i] }

    /// `HeadlineLineRules.kind` of line `i`, worked out once: the passes ask it of the same lines
    /// again and again.
    func kind(_ i: Int) -> HeadlineLineKind {
        if let known = kinds.answers[i] { return known }
        let answer = HeadlineLineRules.kind(text(i))
        kinds.answers[i] = answer
        return answer
    }

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
        var out = ""
        for i in indices { LayoutSpaces.append(text(i), to: &out) }
        return out
    }
}

final class LineKindCache {
    var answers: [HeadlineLineKind?]
    init(count: Int) { answers = Array(repeating: nil, count: count) }
}
