/// Writes an article as Markdown with YAML front matter: the contract of `articles/<slug>.md`
/// and of `broadsheet convert`.
public enum ArticleMarkdown {
    public static func render(_ article: Article) -> String {
        var out = "---\n"
        out += "title: \(yaml(article.title))\n"
        if let subtitle = article.subtitle { out += "subtitle: \(yaml(subtitle))\n" }
        if let kicker = article.kicker { out += "kicker: \(yaml(kicker))\n" }
        if let iso = article.date?.iso { out += "date: \(iso)\n" }
        out += "topics: [\(article.topics.map(yaml).joined(separator: ", "))]\n"
        out += "authors: [\(article.authors.map { yaml($0.name) }.joined(separator: ", "))]\n"
        out += "source: \(yaml(article.source))\n"
        if article.titleGenerated { out += "title_generated: true\n" }
        if let dateline = article.dateline {
            out += "dateline: \(yaml(dateline.source + (dateline.place ?? "")))\n"
        }
        if let date = article.date, date.iso == nil { out += "date_partial: \(yaml(date.partial))\n" }
        if let page = article.page { out += "page: \(yaml(page))\n" }
        if let column = article.column { out += "column: \(yaml(column))\n" }
        if !article.photoCredits.isEmpty {
            out += "photo_credits: [\(article.photoCredits.map(yaml).joined(separator: ", "))]\n"
        }
        if !article.jumps.isEmpty { out += "jumps: [\(article.jumps.map(yaml).joined(separator: ", "))]\n" }
        if article.script == .traditional { out += "script: traditional\n" }
        out += "---\n\n"
        out += body(article.body)
        return out
    }

    /// The body alone, blocks separated by blank lines.
    public static func body(_ blocks: [Block]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text): parts.append(escapeParagraph(text))
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: max(2, min(level, 6))) + " " + text)
            case .figure(let caption, let credit):
                // The caption, then the credit as a second paragraph of the quote; the HTML
                // renderer turns a quote that opens with 📷 into a <figure>.
                var quote = "> 📷 " + escapeParagraph(caption)
                if let credit, !credit.isEmpty { quote += "\n>\n> " + escapeParagraph(credit) }
                parts.append(quote)
            case .markdown(let text): parts.append(text)
            }
        }
        return parts.joined(separator: "\n\n") + (parts.isEmpty ? "" : "\n")
    }

    /// Keeps story text from being read as Markdown syntax where it starts like a list or heading.
    static func escapeParagraph(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>-+*=|".contains(first) { return "\\" + text }
        // `1.` or `1)` at the start would open an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// A YAML scalar: double-quoted whenever plain style could be misread.
    public static func yaml(_ value: String) -> String {
        let plainSafe = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            !":#{}[],&*!|>'\"%@`\\-?".unicodeScalars.contains(scalar) && scalar.value >= 0x20
        } && !value.hasPrefix(" ") && !value.hasSuffix(" ")
        if plainSafe, Double(value) == nil, !["true", "false", "null", "yes", "no", "~"].contains(value.lowercased()) {
            return value
        }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\x%02X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }
}
