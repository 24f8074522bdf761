import BroadsheetModel

/// Articles grouped for the archive page: by year and month, then the articles whose year is
/// unknown (by month), then those without any date. Each group keeps the display order.
public struct ArchiveGroups {
    public struct Month {
        public var month: Int
        public var articles: [Article]
    }
    public struct Year {
        public var year: Int
        public var months: [Month]
    }

    public var years: [Year] = []
    /// Dated by month and day only: the text never said which year.
    public var yearUnknown: [Month] = []
    public var undated: [Article] = []

    /// `articles` must already be newest first.
    public init(articles: [Article]) {
        for article in articles {
            guard let date = article.date else {
                undated.append(article)
                continue
            }
            if let year = date.year {
                if years.last?.year != year { years.append(Year(year: year, months: [])) }
                Self.append(article, month: date.month, to: &years[years.count - 1].months)
            } else {
                Self.append(article, month: date.month, to: &yearUnknown)
            }
        }
    }

    private static func append(_ article: Article, month: Int, to months: inout [Month]) {
        if months.last?.month == month {
            months[months.count - 1].articles.append(article)
        } else {
            months.append(Month(month: month, articles: [article]))
        }
    }
}
