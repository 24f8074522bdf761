import Foundation

/// The normalisation that search and topic matching share, specified in docs/search-index.md:
/// NFKC (width folding), lower-casing, then traditional → simplified per character.
public struct SearchNormalizer: Sendable {
    public let folding: CharacterFolding

    public init(folding: CharacterFolding = .shared) {
        self.folding = folding
    }

    public func normalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in nfkc.unicodeScalars { out.append(folding.fold(scalar)) }
        return String(out)
    }
}
