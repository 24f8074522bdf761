import BroadsheetModel
import BroadsheetText

/// Traditional or simplified: the share of ideographs that OpenCC's t2s would change.
enum ScriptDetector {
    static let threshold = 0.08

    static func detect(_ text: String, folding: CharacterFolding = .shared) -> Script {
        var ideographs = 0, changed = 0
        for scalar in text.unicodeScalars where CJK.isIdeograph(scalar) {
            ideographs += 1
            if folding.folded(scalar) != nil { changed += 1 }
        }
        guard ideographs >= 10 else { return .simplified }
        return Double(changed) / Double(ideographs) >= threshold ? .traditional : .simplified
    }
}
