import BroadsheetModel

/// Finds damage that cannot be repaired (characters lost as `?`, replacement characters, mojibake)
/// and reports it. The text itself is left as it is, so readers still see the damage.
enum DamageScanner {
    static func scan(_ lines: [SourceLine], file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for line in lines {
            if let sample = damage(in: line.text) {
                out.append(Diagnostic(.warning, file: file, line: line.number, code: "ingest.lost-characters",
                                      message: "characters lost or garbled and left as printed: \(sample)"))
            }
        }
        return out
    }

    /// A short excerpt around the first damaged spot, or nil.
    static func damage(in text: String) -> String? {
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            var damaged = false
            if c == "\u{FFFD}" { damaged = true }
            // Digit-full-stop forms (⒈…⒛) and Latin-1 letters next to Chinese text are mojibake; ①② are not.
            if let s = c.unicodeScalars.first, (0x2488...0x249B).contains(s.value) || (0xC0...0xFF).contains(s.value) && s.value != 0xD7 && s.value != 0xF7 {
                // …unless it is a tone-marked pinyin letter inside a Latin word (`fú`).
                damaged = neighbourIsIdeograph(chars, i) && !(i > 0 && CharacterRules.isLatin(chars[i - 1]))
            }
            if c == "?" {
                // A question mark followed by an ideograph, a letter or another stop is a lost character.
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                let prev = i > 0 ? chars[i - 1] : nil
                if let next, CharacterRules.isIdeograph(next) || CharacterRules.isLatin(next) || "。，、；：".contains(next) {
                    damaged = prev.map { CharacterRules.isWide($0) || $0.isLetter } ?? true
                }
            }
            if damaged {
                let lower = max(0, i - 4), upper = min(chars.count, i + 5)
                return String(chars[lower..<upper])
            }
        }
        return nil
    }

    private static func neighbourIsIdeograph(_ chars: [Character], _ i: Int) -> Bool {
        (i > 0 && CharacterRules.isIdeograph(chars[i - 1])) || (i + 1 < chars.count && CharacterRules.isIdeograph(chars[i + 1]))
    }
}
