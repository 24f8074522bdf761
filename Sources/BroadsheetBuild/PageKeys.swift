import BroadsheetModel
import BroadsheetRender
import Foundation

/// A key per article page, hashing everything the page is made of: the tool, configuration and
/// templates, the topic counts in the navigation, the article itself, its newer and older
/// neighbour in each of its topics and its related articles (whole records, so excerpts and
/// titles are covered). A page whose key equals the previous build's is linked from the
/// previous site instead of being rendered again; the key errs on the side of re-rendering.
struct PageKeys {
    /// Keys by index into `plan.ordered`.
    let keys: [String]

    init(plan: RenderPlan, buildKeys: BuildKeys) {
        let ordered = plan.ordered
        let articleHashes = Parallel.map(ordered.count) { i -> String in
            var w = CacheByteWriter()
            IngestRecordCodec.article(&w, ordered[i])
            var hash = ContentHash()
            hash.update(Data(w.bytes))
            return hash.hex
        }
        var site = ContentHash()
        for part in [buildKeys.tool, buildKeys.config, buildKeys.templates] { site.update(part) }
        for (id, count) in plan.counts.sorted(by: { $0.key < $1.key }) { site.update("\(id)=\(count)") }
        let siteKey = site.hex
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
}
