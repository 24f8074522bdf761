import BroadsheetModel
import Foundation

/// Each article's excerpt (`Excerpt.make` over its paragraphs), made the first time a page needs
/// it and then kept. A rebuild that renders a few pages needs a few excerpts, not one per article
/// (making them all up front was 8% of a one-file rebuild at 10,000 articles). Pages are rendered
/// in parallel, so the table is behind a lock.
final class ExcerptMemo: @unchecked Sendable {
    private var made: [String: String] = [:]
    private let lock = NSLock()

    func excerpt(of article: Article) -> String {
        lock.lock()
        let known = made[article.slug]
        lock.unlock()
        if let known { return known }
        let excerpt = Self.make(article)
        lock.lock()
        made[article.slug] = excerpt
        lock.unlock()
        return excerpt
    }

    static func make(_ article: Article) -> String {
        Excerpt.make(from: article.body.lazy.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text } else { return nil }
        })
    }
}
