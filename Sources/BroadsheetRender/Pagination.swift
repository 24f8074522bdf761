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
}
