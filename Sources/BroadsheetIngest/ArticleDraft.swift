import BroadsheetModel

/// A body part as a reader found it, before cleanup.
struct DraftBlock: Equatable {
    enum Kind: Equatable { case paragraph, heading(Int), figure(credit: String), markdown }
    var kind: Kind
    var text: String
    var line: Int
}

/// An article as a form reader found it; `ArticleFinisher` turns it into an `Article`.
struct ArticleDraft {
    var headline = Headline()
    var blocks: [DraftBlock] = []
    /// First input line of the article's text.
    var line: Int
    var page: String?
    var jumps: [String] = []
    /// A date the form itself states (file name, Markdown deck), taking precedence over the dateline.
    var statedDate: ArticleDate?
    /// A year the form states without month and day (`——2023年全市工会工作综述`).
    var statedYear: Int?
    /// A photo standing alone on the page: becomes an article titled from its caption.
    var isPhoto = false
    /// Inputs already edited by hand (front-matter Markdown) are taken as written.
    var asWritten: Article?

    init(line: Int) { self.line = line }

    var bodyText: String { blocks.map(\.text).joined(separator: "\n") }
}
