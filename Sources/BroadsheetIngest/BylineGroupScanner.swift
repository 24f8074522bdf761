import BroadsheetText

/// `BodyText.bylineGroup` (`[（(]\s*(?:本报|新华社)?(?:特约|见习|摄影)?(?:记者|…)[^（()）]{1,40}[）)]`)
/// matched by hand on text that is all simple scalars (each its own Character, see
/// SimpleScalars); the regex engine, trying every start, was a hot spot of ingest.
///
/// The regex can only succeed one way at a start: its `\s*` must take every whitespace character
/// (none can start what follows), and its tail must take the whole run of non-bracket characters
/// after the role (1 to 40 of them) and then a closing bracket. So trying the optional groups and
/// alternatives in the regex's own order (each group present before absent) finds its match.
enum BylineGroupScanner {
    static let agencies = scalars(["本报", "新华社"])
    static let qualifiers = scalars(["特约", "见习", "摄影"])
    static let roles = scalars(["记者", "記者", "通讯员", "通訊員", "实习生", "實習生"])

    private static func scalars(_ words: [String]) -> [[UInt32]] { words.map { $0.unicodeScalars.map(\.value) } }

    /// The range of the leftmost match (through the regex when the text is not all simple scalars).
    static func firstMatch(in text: Substring) -> Range<String.Index>? {
        guard SimpleScalars.all(text) else { return text.firstMatch(of: BodyText.bylineGroup)?.range }
        var values: [UInt32] = []
        var indices: [String.Index] = []
        let view = text.unicodeScalars
        var i = view.startIndex
        while i < view.endIndex {
            values.append(view[i].value)
            indices.append(i)
            i = view.index(after: i)
        }
        indices.append(view.endIndex)
        for start in values.indices where values[start] == 0xFF08 || values[start] == 0x28 {
            if let end = match(values, from: start) { return indices[start]..<indices[end] }
        }
        return nil
    }

    /// The end of a match opening with the bracket at `start`.
    private static func match(_ values: [UInt32], from start: Int) -> Int? {
        var k = start + 1
        while k < values.count, CJK.isWhitespace(Unicode.Scalar(values[k])!) { k += 1 }
        for agency in agencies.map(Optional.some) + [nil] {
            guard let afterAgency = word(agency, in: values, at: k) else { continue }
            for qualifier in qualifiers.map(Optional.some) + [nil] {
                guard let afterQualifier = word(qualifier, in: values, at: afterAgency) else { continue }
                for role in roles {
                    guard let afterRole = word(role, in: values, at: afterQualifier) else { continue }
                    if let end = tail(values, from: afterRole) { return end }
                }
            }
        }
        return nil
    }

    /// The index after `word` at `k` (or `k` for an absent optional group), nil when it is not there.
    private static func word(_ word: [UInt32]?, in values: [UInt32], at k: Int) -> Int? {
        guard let word else { return k }
        guard k + word.count <= values.count, values[k..<(k + word.count)].elementsEqual(word) else { return nil }
        return k + word.count
    }

    /// `[^（()）]{1,40}[）)]` from `k`: the index after the closing bracket.
    private static func tail(_ values: [UInt32], from k: Int) -> Int? {
        var j = k
        while j < values.count, j - k <= 40, ![0xFF08, 0x28, 0x29, 0xFF09].contains(values[j]) { j += 1 }
        let run = j - k
        guard (1...40).contains(run), j < values.count, values[j] == 0xFF09 || values[j] == 0x29 else { return nil }
        return j + 1
    }
}
