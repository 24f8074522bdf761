/// Keeps each paragraph once: exact repeats go, and so do truncated or split copies contained
/// in a longer paragraph (interleaved columns print a paragraph twice, once cut short).
enum Deduplicator {
    /// Short lines repeat on purpose (`同志们、朋友们！`); only paragraphs this long count as copies.
    static let minimumLength = 20

    static func dedupe(_ blocks: [DraftBlock]) -> [DraftBlock] {
        let keys = blocks.map { $0.kind == .paragraph ? $0.text.filter { !$0.isWhitespace } : "" }
        var keep: [DraftBlock] = []
        for (i, block) in blocks.enumerated() {
            guard block.kind == .paragraph, keys[i].count >= minimumLength else { keep.append(block); continue }
            let covered = keys.indices.contains { j in
                guard j != i, !keys[j].isEmpty else { return false }
                if keys[j] == keys[i] { return j < i }
                return keys[j].count > keys[i].count && keys[j].contains(keys[i])
            }
            if !covered { keep.append(block) }
        }
        return keep
    }
}
