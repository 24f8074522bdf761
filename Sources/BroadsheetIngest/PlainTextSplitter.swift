import BroadsheetModel

/// The simplest honest reading of a page: blank-line paragraphs, articles split at datelines
/// (`本报讯`, `新华社…电`), the first short line of a part taken as its title.
struct PlainTextSplitter {
    let path: String

    func split(_ text: String) -> IngestResult {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var paragraphs: [(text: String, line: Int)] = []
        var current = ""
        var start = 1
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append((current, start)) }
                current = ""
                continue
            }
            if current.isEmpty { start = index + 1 }
            current += line
        }
        if !current.isEmpty { paragraphs.append((current, start)) }

        var articles: [Article] = []
        for paragraph in paragraphs {
            let isDateline = paragraph.text.hasPrefix("本报") || paragraph.text.hasPrefix("新华社")
            if articles.isEmpty || isDateline {
                let title = String(paragraph.text.prefix(30))
                articles.append(Article(title: title, titleGenerated: true, source: path,
                                        ordinal: articles.count + 1, line: paragraph.line))
            }
            articles[articles.count - 1].body.append(.paragraph(paragraph.text))
        }
        return IngestResult(articles: articles)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}"]
}
