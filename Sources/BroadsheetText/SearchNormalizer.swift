import Foundation

/// The normalisation that search and topic matching share, specified in docs/search-index.md:
/// NFKC (width folding), lower-casing, then traditional → simplified per character.
public struct SearchNormalizer: Sendable {
    public let folding: CharacterFolding

    public init(folding: CharacterFolding = .shared) {
        self.folding = folding
    }

    public func normalize(_ text: String) -> String {
        normalizeByScalar(text) ?? normalizeWithFoundation(text)
    }

    /// The specified pipeline, through Foundation's NFKC (which bridges the whole text).
    func normalizeWithFoundation(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in nfkc.unicodeScalars { out.append(folding.fold(scalar)) }
        return String(out)
    }

    /// The same result for text made only of the scalars below, or nil. NFKC and lower-casing map
    /// each of them on its own (ASCII letters lower-cased, full-width forms to ASCII, ideographic
    /// and no-break space to a space, `…` to `...`, the rest to themselves), and nothing they map
    /// to composes with a neighbour, so the text normalises scalar by scalar. Chinese news text is
    /// nearly all such scalars.
    func normalizeByScalar(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        func append(_ value: UInt32) { out.append(folding.fold(Unicode.Scalar(value)!)) }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A: append(v + 0x20)
            case 0x00...0x7F: append(v)
            case 0xFF21...0xFF3A: append(v - 0xFEE0 + 0x20)
            case 0xFF01...0xFF5E: append(v - 0xFEE0)
            case 0x3000, 0xA0: append(0x20)
            case 0x2026: append(0x2E); append(0x2E); append(0x2E)
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x301F, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0xB7, 0x25A0...0x25FF:
                append(v)
            default: return nil
            }
        }
        return String(out)
    }
}
