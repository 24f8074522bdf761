import BroadsheetModel
import Foundation

/// Each article's excerpt (`Excerpt.of`): the one made at ingest (`Article.excerpt`), else made
/// from the body the first time a page needs it and then kept (making them all up front was 8%
/// of a one-file rebuild at 10,000 articles). Pages are rendered in parallel, so the table is
/// behind a lock.
final class ExcerptMemo: @unchecked Sendable {
    private var made: [String: String] = [:]
    private let lock = NSLock()

    func excerpt(of article: Article) -> String {
        // A build made it at ingest (and its body may be gone by now).
        if let made = article.excerpt { return made }
        lock.lock()
        let known = made[article.slug]
        lock.unlock()
        if let known { return known }
        let excerpt = Excerpt.of(article)
        lock.lock()
        made[article.slug] = excerpt
        lock.unlock()
        return excerpt
    }

}
