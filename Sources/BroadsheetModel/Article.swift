/// One news article as a careful editor would have typed it. Ingest produces it,
/// Classify fills `topics`, Render and Search read it.
public struct Article: Sendable, Equatable, Codable {
    /// Headline proper (主题). Never empty after ingest.
    public var title: String
    /// True when the page printed no headline and the tool wrote one from the lead.
    public var titleGenerated: Bool
    /// 引题, printed above the title.
    public var kicker: String?
    /// 副题 / deck, printed below the title.
    public var subtitle: String?
    public var date: ArticleDate?
    /// The input file's path relative to the seeds folder, with `/` separators.
    public var source: String
    /// 1-based position of the article in its input file.
    public var ordinal: Int
    /// 1-based line in the input file where the article's text starts (for diagnostics).
    public var line: Int
    public var dateline: Dateline?
    public var authors: [Author]
    public var photoCredits: [String]
    /// Page label (`第03版`, `01`) when the input names one.
    public var page: String?
    /// Column name or banner (`记者观察`), kept as metadata, never as body text.
    public var column: String?
    public var script: Script
    public var body: [Block]
    /// Jumps recorded in the text (`下转第2版`, `上接第二版`).
    public var jumps: [String]
    /// Topic ids. Set by Classify, or taken from front matter when `topicsOverridden`.
    public var topics: [String]
    public var topicsOverridden: Bool
    /// Per-topic scores and deciding terms, set by Classify.
    public var topicScores: [TopicScore]
    /// File name stem of `articles/<slug>.html`, assigned by the build after ingest.
    public var slug: String = ""
    /// The list-entry excerpt, made from the body by the build after ingest (and cached with the
    /// article), so that pages rendered after the body was let go still show it; nil until then,
    /// when a renderer makes it from the body.
    public var excerpt: String?

    public init(
        title: String, titleGenerated: Bool = false, kicker: String? = nil, subtitle: String? = nil,
        date: ArticleDate? = nil, source: String, ordinal: Int = 1, line: Int = 1,
        dateline: Dateline? = nil, authors: [Author] = [], photoCredits: [String] = [],
        page: String? = nil, column: String? = nil, script: Script = .simplified,
        body: [Block] = [], jumps: [String] = [], topics: [String] = [],
        topicsOverridden: Bool = false, topicScores: [TopicScore] = []
    ) {
        self.title = title
        self.titleGenerated = titleGenerated
        self.kicker = kicker
        self.subtitle = subtitle
        self.date = date
        self.source = source
        self.ordinal = ordinal
        self.line = line
        self.dateline = dateline
        self.authors = authors
        self.photoCredits = photoCredits
        self.page = page
        self.column = column
        self.script = script
        self.body = body
        self.jumps = jumps
        self.topics = topics
        self.topicsOverridden = topicsOverridden
        self.topicScores = topicScores
    }

    /// The paragraphs' plain text, in order (headings and captions excluded).
    public var paragraphs: [String] {
        body.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
    }

    /// All readable text of the body, blocks separated by newlines: what search and topics read.
    public var plainText: String {
        body.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

public enum Script: String, Sendable, Codable, Equatable {
    case simplified
    case traditional
}

public struct Author: Sendable, Equatable, Codable {
    public var name: String
    /// 记者, 通讯员, 实习生, 摄影 … as printed; nil when the text gives no role.
    public var role: String?
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// The 电头: who filed the story, from where.
public struct Dateline: Sendable, Equatable, Codable {
    /// 本报, 新华社, 人民日报 …
    public var source: String
    public var place: String?
    public init(source: String, place: String? = nil) {
        self.source = source
        self.place = place
    }
}

/// A block of an article body.
public enum Block: Sendable, Equatable, Codable {
    case paragraph(String)
    /// A section head inside the article; level 2 or 3 in Markdown.
    case heading(level: Int, text: String)
    /// A photo: its caption and the photographer's credit.
    case figure(caption: String, credit: String?)
    /// Markdown taken as written (inputs that already are Markdown).
    case markdown(String)

    public var plainText: String {
        switch self {
        case .paragraph(let text): return text
        case .heading(_, let text): return text
        case .figure(let caption, _): return caption
        case .markdown(let text): return text
        }
    }
}

public struct TopicScore: Sendable, Equatable, Codable {
    public var topic: String
    public var score: Double
    /// The terms that decided the score, with how many times each was found.
    public var terms: [TermHit]
    public var assigned: Bool
    public init(topic: String, score: Double, terms: [TermHit], assigned: Bool) {
        self.topic = topic
        self.score = score
        self.terms = terms
        self.assigned = assigned
    }
}

public struct TermHit: Sendable, Equatable, Codable {
    public var term: String
    public var count: Int
    public var weight: Double
    public init(term: String, count: Int, weight: Double) {
        self.term = term
        self.count = count
        self.weight = weight
    }
}
