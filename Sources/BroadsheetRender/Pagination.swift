/// Splits a list into numbered pages of a fixed size.
public struct Pagination: Sendable, Equatable {
    public let pageSize: Int
    public let itemCount: Int

    public init(itemCount: Int, pageSize: Int = 20) {
        precondition(pageSize > 0)
        self.itemCount = itemCount
        self.pageSize = pageSize
    }

    /// An empty list still has one (empty) page, so the topic's index.html always exists.
    public var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// Index range of the items on 1-based page `page`.
    public func range(ofPage page: Int) -> Range<Int> {
        let start = min(itemCount, (page - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }

    /// The page numbers a page's navigation links to: the first, the last and `radius` pages
    /// either side of `page`, with nil for each gap. Linking every page made each topic page of a
    /// 100,000-article site list thousands of links (quadratic output).
    public func visiblePages(around page: Int, radius: Int = 2) -> [Int?] {
        var shown: [Int?] = []
        var last = 0
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page) <= radius {
            if number > last + 1 { shown.append(nil) }
            shown.append(number)
            last = number
        }
        return shown
    }
}
