/// Jumps between pages: `（下转第2版）` ends a part continued elsewhere, `(上接第二版)` starts a
/// part continued from elsewhere. They are recorded and removed from the text.
struct Jump: Equatable {
    var text: String
    var line: Int
    /// `上接`/`接`: this part continues something printed elsewhere.
    var continuesFromElsewhere: Bool
    /// The marker was the whole line.
    var standalone: Bool
}

enum JumpExtractor {
    nonisolated(unsafe) static let pattern = try! Regex(#"[（(]\s*(下转|上接|转|接)\s*第?\s*([0-9０-９一二三四五六七八九十百A-Z]{1,4})\s*版\s*[）)]"#)

    /// Cross-references (`（相关报道见第十版）`) are recorded like jumps and leave the text.
    nonisolated(unsafe) static let crossReference = try! Regex(#"[（(]\s*(?:相关|相關)?(?:报道|報道|新闻|評論|评论)见\s*第?\s*[0-9０-９一二三四五六七八九十百A-Z]{1,4}\s*版\s*[）)]"#)

    static func extract(_ lines: [SourceLine]) -> (lines: [SourceLine], jumps: [Jump]) {
        var jumps: [Jump] = []
        var out: [SourceLine] = []
        for line in lines {
            var text = line.text
            for match in line.text.matches(of: pattern) {
                let inner = String(line.text[match.range]).dropFirst().dropLast().trimmingSpaces()
                let kind = match.output[1].substring.map(String.init) ?? ""
                text = text.replacingOccurrences(of: String(line.text[match.range]), with: "")
                jumps.append(Jump(text: inner, line: line.number, continuesFromElsewhere: kind.hasSuffix("接"),
                                  standalone: text.trimmingSpaces().isEmpty))
            }
            for match in text.matches(of: crossReference) {
                jumps.append(Jump(text: String(text[match.range]).dropFirst().dropLast().trimmingSpaces(), line: line.number,
                                  continuesFromElsewhere: false, standalone: false))
            }
            text = text.replacing(crossReference, with: "")
            out.append(SourceLine(text: text, number: line.number))
        }
        return (out, jumps)
    }
}
