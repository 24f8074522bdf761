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
        for match in text.matches(of: fullDate) {
            if let y = Int(match.output[1].substring ?? ""), Int(match.output[2].substring ?? "") == month,
               Int(match.output[3].substring ?? "") == day, plausible(y) {
                return (y, .text)
            }
        }
        // Only when the lead names one year at all, and names it for the event itself.
        let mentioned = Set(lead.matches(of: anyYear).compactMap { Int($0.output[1].substring ?? "") })
        let years = Set(lead.matches(of: leadYear).compactMap { Int($0.output[1].substring ?? "") }.filter(plausible))
        if years.count == 1, mentioned.count == 1 { return (years.first!, .text) }
        if let g = path.firstMatch(pathDate), let y = g[1].flatMap({ Int($0) }), let m = g[2].flatMap({ Int($0) }), (1...12).contains(m) {
            return (y, .fileName)
        }
        if let y = SiteConfig.lookup(config.years, path: path) { return (y, .config) }
        return nil
    }

    static func plausible(_ year: Int) -> Bool { (1949...2100).contains(year) }
}
