/// Character-bigram overlap: how much of a headline's wording a body contains.
struct Bigrams {
    let set: Set<String>

    init(_ text: String) {
        let chars = text.filter { CharacterRules.isIdeograph($0) || $0.isLetter || $0.isNumber }
        var set = Set<String>()
        var previous: Character?
        for c in chars {
            if let p = previous { set.insert(String([p, c])) }
            previous = c
        }
        self.set = set
    }

    /// Share of `self`'s bigrams found in `other` (0…1).
    func containment(in other: Bigrams) -> Double {
        guard !set.isEmpty else { return 0 }
        return Double(set.intersection(other.set).count) / Double(set.count)
    }
}
