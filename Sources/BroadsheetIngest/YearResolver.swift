import BroadsheetModel

/// Finds the year of a dateline's month and day without inventing one. In order: a full date
/// in the text that matches the month and day; a single year stated in the lead for the event
/// itself (not `2022年以来`, not a range); a date in the file name; the site configuration.
enum YearResolver {
    nonisolated(unsafe) static let fullDate = try! Regex(#"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"#)
    nonisolated(unsafe) static let leadYear = try! Regex(#"(?:^|[^\d—\-~～至到])(\d{4})\s*年(?!以来|来|前|后|底|末|初|至|到|度|起|—|-|~|～|、|和|及|与|同期|上半年|下半年)"#)
    nonisolated(unsafe) static let anyYear = try! Regex(#"(\d{4})\s*年"#)
    nonisolated(unsafe) static let pathDate = try! Regex(#"(?:^|\D)(19\d{2}|20\d{2})(\d{2})(\d{2})(?!\d)"#)

    enum Source: String { case text, fileName = "file name", config = "configuration" }

    static func year(month: Int, day: Int, text: String, lead: String, path: String, config: SiteConfig) -> (Int, Source)? {
        // Every pattern here but `pathDate` needs 年: text without it skips them.
        for groups in text.containsBytes("年") ? dateMatches(.fullDate, in: text) : [] {
            if let y = groups[0], groups[1] == month, groups[2] == day, plausible(y) {
                return (y, .text)
            }
        }
        // Only when the lead names one year at all, and names it for the event itself.
        let leadHasYear = lead.containsBytes("年")
        let mentioned = !leadHasYear ? [] : Set(dateMatches(.anyYear, in: lead).compactMap { $0[0] })
        // Searched only when it can decide: `mentioned` must name exactly one year.
        if mentioned.count == 1 {
            let found = DateMatcher.leadYears(lead) ?? lead.matches(of: leadYear).map { Int($0.output[1].substring ?? "") }
            let years = Set(found.compactMap { $0 }.filter(plausible))
            if years.count == 1 { return (years.first!, .text) }
        }
        switch DateMatcher.pathDate(path) {
        case .found(let y, let m):
            if (1...12).contains(m) { return (y, .fileName) }
        case .none:
            break
        case .unknown:
            if let g = path.firstMatch(pathDate), let y = g[1].flatMap({ Int($0) }), let m = g[2].flatMap({ Int($0) }), (1...12).contains(m) {
                return (y, .fileName)
            }
        }
        if let y = SiteConfig.lookup(config.years, path: path) { return (y, .config) }
        return nil
    }

    /// `text.matches(of: regex)` for `fullDate` (marks 7) or `anyYear` (marks 1), with the regex run
    /// only where it can match. Every character of their matches is a digit (`\d`: a numeric
    /// scalar), whitespace (`\s`), 年, 月 or 日, so each match lies inside one run of such
    /// characters, and the runs holding the literals (marks: 年 1, 月 2, 日 4) give the same matches
    /// in the same order. Text that is not all simple scalars (Characters of more than one
    /// scalar) is searched whole. Runs that `DateMatcher` reads are matched by hand. The
    /// matches come as their groups' integers (nil for digits `Int` does not read).
    static func dateMatches(_ pattern: DatePattern, in text: String) -> [[Int?]] {
        let regex = pattern == .fullDate ? fullDate : anyYear
        let required = pattern == .fullDate ? 7 : 1
        guard SimpleScalars.all(text) else { return groups(text.matches(of: regex)) }
        // Walked over the UTF-8 bytes (String index arithmetic per scalar cost more).
        let original = text
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [[Int?]] = []
            var runStart: Int?
            var run: [UInt32] = []
            var marks = 0
            var i = 0
            while true {
                var inRun = false
                var length = 1
                var v: UInt32 = 0
                if i < bytes.count {
                    (v, length) = ByteScan.scalar(at: i, in: bytes)
                    switch v {
                    case 0x5E74: marks |= 1; inRun = true
                    case 0x6708: marks |= 2; inRun = true
                    case 0x65E5: marks |= 4; inRun = true
                    default: inRun = v >= 0x80 ? DateRunTable.contains(v) : DateRunTable.asciiContains(v)
                    }
                }
                if inRun {
                    if runStart == nil { runStart = i }
                    run.append(v)
                } else if let start = runStart {
                    if marks & required == required {
                        if let found = DateMatcher.matches(run, full: pattern == .fullDate) {
                            out += found
                        } else {
                            let u = original.utf8
                            let range = u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: i)
                            out += groups(original[range].matches(of: regex))
                        }
                    }
                    runStart = nil
                    run.removeAll(keepingCapacity: true)
                    marks = 0
                }
                guard i < bytes.count else { break }
                i += length
            }
            return out
        }
    }

    enum DatePattern { case fullDate, anyYear }

    /// The groups of each match as integers (nil where `Int` reads no number).
    static func groups(_ matches: [Regex<AnyRegexOutput>.Match]) -> [[Int?]] {
        matches.map { match in match.output.dropFirst().map { $0.substring.flatMap { Int($0) } } }
    }

    static func plausible(_ year: Int) -> Bool { (1949...2100).contains(year) }
}

/// Scalars that `\d` or `\s` match (numeric or whitespace), as a bit table over the BMP built
/// once: looking the properties up for every scalar of every article was a hot spot.
enum DateRunTable {
    static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(v)), scalar.properties.numericType != nil || scalar.properties.isWhitespace else { continue }
            bits[v >> 6] |= 1 << UInt64(v & 63)
        }
        return bits
    }()

    /// `contains` for ASCII: digits and the ASCII whitespace.
    @inline(__always)
    static func asciiContains(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || v == 0x20 || (v >= 0x09 && v <= 0x0D) }

    static func contains(_ v: UInt32) -> Bool {
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        let scalar = Unicode.Scalar(v)!
        return scalar.properties.numericType != nil || scalar.properties.isWhitespace
    }
}
