/// A parsed query: terms that must all match, terms that must not (docs/search-index.md, "Queries").
public struct SearchQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// The term's normalised text, for display and highlighting.
        public var text: String
        public var keys: [SearchKey]
        public var excluded: Bool
    }

    public var terms: [Term]

    static let quotes: Set<UnicodeScalar> = ["\"", "\u{201C}", "\u{201D}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}"]

    static func isSpace(_ s: UnicodeScalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{3000}"
    }

    /// Splits the normalised query on white space; a quote character opens a phrase that runs to
    /// the next quote character; a leading `-` excludes the term. Terms with no units are dropped.
    public init(normalized query: String, tokenizer: SearchTokenizer = SearchTokenizer()) {
        let scalars = Array(query.unicodeScalars)
        var terms: [Term] = []
        var i = 0
        while i < scalars.count {
            if Self.isSpace(scalars[i]) { i += 1; continue }
            var excluded = false
            if scalars[i] == "-", i + 1 < scalars.count, !Self.isSpace(scalars[i + 1]) {
                excluded = true
                i += 1
            }
            var text = String.UnicodeScalarView()
            if Self.quotes.contains(scalars[i]) {
                i += 1
                while i < scalars.count, !Self.quotes.contains(scalars[i]) { text.append(scalars[i]); i += 1 }
                i += 1
            } else {
                while i < scalars.count, !Self.isSpace(scalars[i]) { text.append(scalars[i]); i += 1 }
            }
            let units = tokenizer.units(String(text))
            if !units.isEmpty {
                terms.append(Term(text: String(text), keys: tokenizer.coverKeys(units), excluded: excluded))
            }
        }
        self.terms = terms
    }
}
