/// A publication date that may lack its year: the dateline gives month and day, and the year
/// is never invented.
public struct ArticleDate: Sendable, Equatable, Hashable, Codable, Comparable {
    public var year: Int?
    public var month: Int
    public var day: Int

    public init(year: Int?, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` when the year is known, nil otherwise.
    public var iso: String? {
        guard let year else { return nil }
        return Digits.padded(year, width: 4) + "-" + Digits.padded(month, width: 2) + "-" + Digits.padded(day, width: 2)
    }

    /// `MM-DD` form used where the year is unknown.
    public var partial: String { "--" + Digits.padded(month, width: 2) + "-" + Digits.padded(day, width: 2) }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year ?? 0, lhs.month, lhs.day) < (rhs.year ?? 0, rhs.month, rhs.day)
    }
}
