import BroadsheetText

/// `HeadlineLineRules.isHeadlineLike` on the scalars of a trimmed line that is all simple
/// scalars (see SimpleScalars): the same rule, check for check, without Character iteration.
/// OCR pages ask it of every line.
extension HeadlineLineRules {
    /// `dateline`: whether `DatelineParser.parse(trimmed)` succeeds (callers have it already).
    static func isHeadlineLike(trimmed t: String, scalars s: [UInt32], dateline: Bool) -> Bool {
        guard let first = s.first, let last = s.last, s.count <= 40, dateline == false else { return false }
        var ideographs = 0
        for v in s where CJK.isIdeograph(Unicode.Scalar(v)!) { ideographs += 1 }
        guard ideographs >= 2 else { return false }
        if (first == 0xFF08 || first == 0x28), (last == 0xFF09 || last == 0x29), isClosingNote(t) { return false }
        if ScalarSets.roleStarts.contains(first), BylineParser.parseLine(t) != nil { return true }
        var opening = 0, closing = 0, openParens = 0, closeParens = 0, colons = 0, pairColonQuote = false
        var depth = 0
        var clauseOutside: [UInt32] = []
        var previous: UInt32 = 0
        for v in s {
            switch v {
            case 0x201C: opening += 1
            case 0x201D: closing += 1
            case 0xFF08, 0x28: openParens += 1
            case 0xFF09, 0x29: closeParens += 1
            default: break
            }
            if previous == 0xFF1A, v == 0x201C { pairColonQuote = true }
            previous = v
            // Outside “…” quotations (as `unquoted` reads them).
            if v == 0x201C { depth += 1; continue }
            if v == 0x201D { depth = max(0, depth - 1); continue }
            if depth == 0 {
                if v == 0xFF1A { colons += 1 }
                if ScalarSets.clausePunctuation.contains(v) { clauseOutside.append(v) }
            }
        }
        if opening != closing { return false }
        let colonOK = last != 0xFF1A && !pairColonQuote && colons <= 1
        let exclaimOK = last != 0xFF01 && last != 0xFF1F
        if clauseOutside.contains(where: { v in !(v == 0xFF1A && colonOK) && !((v == 0xFF01 || v == 0xFF1F) && exclaimOK) }) { return false }
        if openParens != closeParens { return false }
        // `、《（(“‘`
        if [0x3001, 0x300A, 0xFF08, 0x28, 0x201C, 0x2018].contains(last) { return false }
        return true
    }
}

/// Scalar forms of Character sets the rules use (each member is one scalar).
enum ScalarSets {
    static let clausePunctuation = SmallScalarSet(CharacterRules.clausePunctuation.map { $0.unicodeScalars.first!.value })
    /// First scalars of the byline roles: a line starting otherwise is no byline line.
    static let roleStarts = SmallScalarSet(BylineParser.roles.map { $0.unicodeScalars.first!.value })
    static let closers = SmallScalarSet(CharacterRules.closers.map { $0.unicodeScalars.first!.value })
    static let sentenceEnders = SmallScalarSet(CharacterRules.sentenceEnders.map { $0.unicodeScalars.first!.value })
}

/// A dozen scalars or so, searched in a line: cheaper than hashing each scalar looked up, which
/// these sets are asked for every scalar of many lines.
struct SmallScalarSet {
    private let members: [UInt32]
    private let lowest: UInt32, highest: UInt32

    init(_ members: [UInt32]) {
        self.members = Array(Set(members)).sorted()
        lowest = self.members.first ?? 1
        highest = self.members.last ?? 0
    }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        guard v >= lowest, v <= highest else { return false }
        return members.contains(v)
    }
}
