import BroadsheetModel
import BroadsheetRender
import Foundation

/// Two hashes per article of a render plan (by index into `plan.ordered`), for the page keys:
///
/// - `records`: the article's whole record. An article is what ingest made of its input file
///   (under this tool and configuration, which every page key holds) plus its slug, so the
///   input's path and the hash of its bytes, the article's place among that file's articles and
///   its slug stand for it (the path too: a page shows its source file); re-encoding every
///   article to hash it was 4% of a one-file rebuild at 10,000 articles.
///   Without an input hash (stages run one by one) the article's encoded record is hashed.
/// - `entries`: its list entry (`RenderPlan.entryFingerprint`: title, date, excerpt …), which
///   the listing pages show. The excerpt comes with the article from ingest, so this is a join
///   of fields already made.
struct ArticleKeys {
    let records: [String]
    let entries: [String]

    init(plan: RenderPlan, articles: [Article], inputHashes: [String: String]) {
        // The place of each article among its file's articles, by slug (articles are in input order).
        var place: [String: Int] = [:]
        var counts: [String: Int] = [:]
        for article in articles {
            place[article.slug] = counts[article.source, default: 0]
            counts[article.source, default: 0] += 1
        }
        let ordered = plan.ordered
        records = Parallel.map(ordered.count) { i -> String in
            let article = ordered[i]
            var hash = ContentHash()
            if let input = inputHashes[article.source], let n = place[article.slug] {
                hash.update("article of input")
                hash.update(article.source)
                hash.update(input)
                hash.update(String(n))
                hash.update(article.slug)
            } else {
                var w = CacheByteWriter()
                IngestRecordCodec.article(&w, article)
                hash.update(Data(w.bytes))
            }
            return hash.hex
        }
        entries = Parallel.map(ordered.count) { i -> String in
            var hash = ContentHash()
            hash.update(plan.entryFingerprint(at: i))
            return hash.hex
        }
    }
}
