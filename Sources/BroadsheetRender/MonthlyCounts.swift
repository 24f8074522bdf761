import BroadsheetModel

/// A calendar month.
public struct YearMonth: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }
    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }
    public var label: String { "\(year)年\(month)月" }
    public var shortLabel: String { "\(year).\(month < 10 ? "0" : "")\(month)" }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// Articles per month for each topic, over every month from the first dated article to the last
/// (months without articles count as zero, so the time axis is honest).
public struct MonthlyCounts: Sendable {
    public struct Series: Sendable {
        public var id: String
        public var name: String
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
    }

    public var months: [YearMonth]
    public var series: [Series]
    /// Articles in some topic whose year is unknown: left out of the chart, said in its description.
    public var undated: Int

    public init(articles: [Article], topics: [TopicConfig]) {
        let dated = articles.compactMap { a in a.date?.year.map { (a, YearMonth(year: $0, month: a.date!.month)) } }
        var months: [YearMonth] = []
        if var month = dated.map(\.1).min(), let last = dated.map(\.1).max() {
            while month <= last {
                months.append(month)
                month = month.next
            }
        }
        let position = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        self.months = months
        series = topics.map { topic in
            var counts = Array(repeating: 0, count: months.count)
            for (article, month) in dated where article.topics.contains(topic.id) { counts[position[month]!] += 1 }
            return Series(id: topic.id, name: topic.name, counts: counts)
        }
        let topicIDs = Set(topics.map(\.id))
        undated = articles.filter { $0.date?.year == nil && !topicIDs.isDisjoint(with: $0.topics) }.count
    }

    public var maximum: Int { series.flatMap(\.counts).max() ?? 0 }
}
