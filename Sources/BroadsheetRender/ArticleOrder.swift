import BroadsheetModel

/// The one order of articles on every page: newest first, then by slug, so that the output never
/// depends on the order of the inputs. Articles without a date, or without a year, sort last.
public enum ArticleOrder {
    public static func newerFirst(_ a: Article, _ b: Article) -> Bool {
        let da = key(a.date), db = key(b.date)
        return da != db ? da > db : a.slug < b.slug
    }

    public static func sorted(_ articles: [Article]) -> [Article] {
        articles.sorted(by: newerFirst)
    }

    private static func key(_ date: ArticleDate?) -> (Int, Int, Int) {
        guard let date else { return (-1, 0, 0) }
        return (date.year ?? 0, date.month, date.day)
    }
}
