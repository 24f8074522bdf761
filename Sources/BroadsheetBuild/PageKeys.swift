import BroadsheetModel
import BroadsheetRender
import Foundation

/// A key per page, hashing everything the page is made of. A page whose key equals the previous
/// build's is linked from the previous site instead of being rendered again; the keys err on the
/// side of re-rendering.
///
/// - An article page: the tool, configuration and templates, the topic counts in the navigation,
///   the article itself, its newer and older neighbour in each of its topics and its related
///   articles (whole records, so excerpts and titles are covered).
/// - A listing page (`ListingPage`): the same site values, its path and facts, and the list
///   entries of the articles it shows, in order.
struct PageKeys {
    /// Keys of the article pages by index into `plan.ordered`.
    let keys: [String]
    private let siteKey: String
    private let entries: [String]

    init(plan: RenderPlan, buildKeys: BuildKeys, articles: ArticleKeys) {
        let ordered = plan.ordered
        let articleHashes = articles.records
        var site = ContentHash()
        for part in [buildKeys.tool, buildKeys.config, buildKeys.templates] { site.update(part) }
        for (id, count) in plan.counts.sorted(by: { $0.key < $1.key }) { site.update("\(id)=\(count)") }
        let siteKey = site.hex
        self.siteKey = siteKey
        entries = articles.entries
        keys = Parallel.map(ordered.count) { i -> String in
            var hash = ContentHash()
            hash.update(siteKey)
            hash.update(articleHashes[i])
            for id in ordered[i].topics {
                hash.update(id)
                guard let list = plan.members[id], let position = plan.positions[i][id] else { continue }
                hash.update(position > 0 ? articleHashes[list[position - 1]] : "-")
                hash.update(position + 1 < list.count ? articleHashes[list[position + 1]] : "-")
            }
            hash.update("related")
            for j in plan.related[i] { hash.update(articleHashes[j]) }
            return hash.hex
        }
    }

    /// The key of a listing page.
    func key(of listing: ListingPage) -> String {
        var hash = ContentHash()
        hash.update(siteKey)
        hash.update("listing")
        hash.update(listing.path)
        hash.update(String(listing.facts.count))
        for fact in listing.facts { hash.update(fact) }
        hash.update(String(listing.shows.count))
        for i in listing.shows { hash.update(entries[i]) }
        return hash.hex
    }
}
