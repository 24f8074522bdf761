import CCmark
import BroadsheetText
import Foundation

/// The one boundary to libcmark: Markdown in, HTML string out. Every C allocation is freed here.
public enum CommonMark {
    /// Renders Markdown to HTML. Raw HTML in the input is omitted (cmark's safe default).
    /// Soft line breaks next to CJK characters are removed: a browser would draw them as spaces.
    /// A block quote that starts with the camera mark (`> 📷 caption credit`, how ArticleMarkdown
    /// writes a photo) becomes `<figure class="photo"><figcaption>…</figcaption></figure>`.
    public static func html(from markdown: String) -> String {
        let length = markdown.utf8.count
        guard let document = cmark_parse_document(markdown, length, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(document) }
        removeCJKSoftBreaks(in: document)
        convertPhotoQuotes(in: document)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func removeCJKSoftBreaks(in document: OpaquePointer) {
        var softBreaks: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK {
                softBreaks.append(node)
            }
        }
        cmark_iter_free(iterator)
        for node in softBreaks {
            let before = cmark_node_previous(node).flatMap { lastScalar(of: $0) }
            let after = cmark_node_next(node).flatMap { firstScalar(of: $0) }
            let wideBefore = before.map(CJK.isWide) ?? false
            let wideAfter = after.map(CJK.isWide) ?? false
            guard wideBefore || wideAfter else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The mark that opens a photo caption in article Markdown.
    public static let photoMark = "📷"

    private static func convertPhotoQuotes(in document: OpaquePointer) {
        var node = cmark_node_first_child(document)
        while let quote = node {
            node = cmark_node_next(quote)
            guard cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE,
                  let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text) else { continue }
            let content = String(cString: literal)
            guard content.hasPrefix(photoMark) else { continue }
            let caption = content.dropFirst(photoMark.count).drop { $0 == " " }
            cmark_node_set_literal(text, String(caption))
            guard let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(figure, "<figure class=\"photo\"><figcaption>")
            cmark_node_set_on_exit(figure, "</figcaption></figure>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(figure, child)
            }
            cmark_node_insert_before(quote, figure)
            cmark_node_unlink(quote)
            cmark_node_free(quote)
        }
    }

    /// The last character of a node's text, looking into inline containers such as emphasis.
    private static func lastScalar(of node: OpaquePointer) -> UnicodeScalar? {
        if let literal = cmark_node_get_literal(node) { return String(cString: literal).unicodeScalars.last }
        return cmark_node_last_child(node).flatMap { lastScalar(of: $0) }
    }

    private static func firstScalar(of node: OpaquePointer) -> UnicodeScalar? {
        if let literal = cmark_node_get_literal(node) { return String(cString: literal).unicodeScalars.first }
        return cmark_node_first_child(node).flatMap { firstScalar(of: $0) }
    }
}
