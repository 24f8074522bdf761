/// `YearResolver`'s date patterns matched by hand where their classes read plainly: on runs of
/// numbers, plain spaces and 年月日 (`fullDate`, `anyYear`, `leadYear`), and on ASCII paths
/// (`pathDate`). `\d` matches a numeric scalar (numeric type set: 2, ２, 三 alike); `Int` reads
/// only ASCII digits, so a group holding another number is nil. With each Character one scalar
/// and `\s` limited to `isSpace`, a scan from each start in turn gives the regex's leftmost,
/// non-overlapping matches. Anything else returns nil and the caller runs the regex.
enum DateMatcher {
    /// Groups as integers: year, month, day for `fullDate` (`full`), the year for `anyYear`.
    static func matches(_ run: [UInt32], full: Bool) -> [[Int?]]? {
        for v in run where !isSpace(v) && v != 0x5E74 && v != 0x6708 && v != 0x65E5 && !isNumber(v) { return nil }
        var out: [[Int?]] = []
        var p = 0
        while p < run.count {
            if let (groups, end) = match(run, at: p, full: full) {
                out.append(groups)
                p = end
            } else {
                p += 1
            }
        }
        return out
    }

    /// `(\d{4})\s*年` and, when `full`, `\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日` at `p`. Each space
    /// run is followed by a literal, so taking all the spaces (and up to two digits, which a
    /// third digit or a missing literal fails either way) is what backtracking would settle on.
    private static func match(_ r: [UInt32], at p: Int, full: Bool) -> ([Int?], Int)? {
        var i = p
        /// Up to `max` numbers at `i`: nil when there are none, else their value (nil unless ASCII).
        func number(max: Int) -> Int?? {
            let start = i
            while i < r.count, i - start < max, isNumber(r[i]) { i += 1 }
            return i == start ? nil : .some(value(r[start..<i]))
        }
        func literal(_ v: UInt32) -> Bool {
            while i < r.count, isSpace(r[i]) { i += 1 }
            guard i < r.count, r[i] == v else { return false }
            i += 1
            return true
        }
        let start = i
        guard let year = number(max: 4), i - start == 4, literal(0x5E74) else { return nil }
        guard full else { return ([year], i) }
        while i < r.count, isSpace(r[i]) { i += 1 }
        guard let month = number(max: 2), literal(0x6708) else { return nil }
        while i < r.count, isSpace(r[i]) { i += 1 }
        guard let day = number(max: 2), literal(0x65E5) else { return nil }
        return ([year, month, day], i)
    }

    /// `Int(String(scalars))`: the value of ASCII digits, nil when another number is among them.
    static func value(_ scalars: ArraySlice<UInt32>) -> Int? {
        var value = 0
        for v in scalars {
            guard isDigit(v) else { return nil }
            value = value * 10 + Int(v - 0x30)
        }
        return value
    }

    /// Year and month of `pathDate`'s first match (`(?:^|\D)(19\d{2}|20\d{2})(\d{2})(\d{2})(?!\d)`),
    /// `.none` without one, `.unknown` for a path that is not ASCII (without CR).
    static func pathDate(_ path: String) -> PathDate {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for b in path.utf8 {
            guard b < 0x80, b != 0x0D else { return .unknown }
            bytes.append(b)
        }
        func digit(_ k: Int) -> Bool { k < bytes.count && (0x30...0x39).contains(bytes[k]) }
        func value(_ k: Int, _ n: Int) -> Int { bytes[k..<(k + n)].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        var p = 0
        while p + 8 <= bytes.count {
            if p == 0 || !digit(p - 1), (0..<8).allSatisfy({ digit(p + $0) }), !digit(p + 8) {
                let century = value(p, 2)
                if century == 19 || century == 20 { return .found(year: value(p, 4), month: value(p + 4, 2)) }
            }
            p += 1
        }
        return .none
    }

    enum PathDate: Equatable { case found(year: Int, month: Int), none, unknown }

    /// Group 1 of each match of `YearResolver.leadYear`
    /// (`(?:^|[^\d—\-~～至到])(\d{4})\s*年(?!以来|来|…)`), or nil when the lead holds a scalar
    /// that the hand matcher does not read: one that is not simple, or a space other than
    /// `isSpace`. Each match consumes the character before the year, so the scan resumes where
    /// a match ended.
    static func leadYears(_ lead: String) -> [Int?]? {
        var s: [UInt32] = []
        for scalar in lead.unicodeScalars {
            let v = scalar.value
            guard SimpleScalars.isSimple(v), isSpace(v) || !DateRunTable.contains(v) || isNumber(v) else { return nil }
            s.append(v)
        }
        func tail(from q: Int) -> (Int?, Int)? {
            guard q + 4 <= s.count, (q..<(q + 4)).allSatisfy({ isNumber(s[$0]) }) else { return nil }
            var i = q + 4
            while i < s.count, isSpace(s[i]) { i += 1 }
            guard i < s.count, s[i] == 0x5E74 else { return nil }
            i += 1
            if leadYearStops.contains(where: { s[i...].starts(with: $0) }) { return nil }
            return (value(s[q..<(q + 4)]), i)
        }
        var out: [Int?] = []
        var p = 0
        while p < s.count {
            if let (year, end) = (p == 0 ? tail(from: 0) : nil) ?? (leadYearOpeners(s[p]) ? tail(from: p + 1) : nil) {
                out.append(year)
                p = end
            } else {
                p += 1
            }
        }
        return out
    }

    /// `[^\d—\-~～至到]` for the scalars `leadYears` reads.
    private static func leadYearOpeners(_ v: UInt32) -> Bool {
        !(isNumber(v) || v == 0x2014 || v == 0x2D || v == 0x7E || v == 0xFF5E || v == 0x81F3 || v == 0x5230)
    }

    /// What may not follow `leadYear`'s 年.
    private static let leadYearStops: [[UInt32]] = ["以来", "来", "前", "后", "底", "末", "初", "至", "到", "度", "起", "—", "-", "~", "～", "、",
                                                     "和", "及", "与", "同期", "上半年", "下半年"].map { $0.unicodeScalars.map(\.value) }

    /// `\d`: a scalar with a numeric type (ASCII digits without the property lookup).
    @inline(__always) static func isNumber(_ v: UInt32) -> Bool {
        if v < 0x80 { return isDigit(v) }
        return DateRunTable.contains(v) && Unicode.Scalar(v)!.properties.numericType != nil
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    /// Spaces `\s` matches that are each their own Character.
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0B || v == 0x0C || v == 0xA0 || v == 0x3000
    }
}
