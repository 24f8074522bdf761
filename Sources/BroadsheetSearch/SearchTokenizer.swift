import BroadsheetText

/// One indexable unit of normalised text: a Han character or a word (a run of letters and digits).
/// Positions count units; a run of separators between two units adds one empty position, so
/// units with consecutive positions were adjacent in the text (docs/search-index.md, "Tokenizer").
public struct SearchUnit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case han, word }
    public var kind: Kind
    public var text: String
    public var position: Int
}

/// The tokenizer of docs/search-index.md; `search.js` implements the same rules.
public struct SearchTokenizer: Sendable {
    public init() {}

    /// Letters and digits that form word tokens (after NFKC and lower-casing). Explicit ranges
    /// rather than Unicode properties, so that JavaScript classifies every scalar identically.
    public static func isWordScalar(_ s: UnicodeScalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0xD7, 0xF7: return false
        case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0xAC00...0xD7A3: return true
        default: return false
        }
    }

    /// Appends the units of `text` (already normalised) to `units`, continuing at `position`.
    /// Returns the next free position; callers put a separator gap between fields.
    @discardableResult
    public func tokenize(_ text: String, from position: Int, into units: inout [SearchUnit]) -> Int {
        var pos = position
        var word = String.UnicodeScalarView()
        var lastWasUnit = false
        func flushWord() {
            guard !word.isEmpty else { return }
            units.append(SearchUnit(kind: .word, text: String(word), position: pos))
            pos += 1
            word = String.UnicodeScalarView()
            lastWasUnit = true
        }
        for scalar in text.unicodeScalars {
            if CJK.isIdeograph(scalar) {
                flushWord()
                units.append(SearchUnit(kind: .han, text: String(scalar), position: pos))
                pos += 1
                lastWasUnit = true
            } else if Self.isWordScalar(scalar) {
                word.append(scalar)
            } else {
                flushWord()
                if lastWasUnit { pos += 1; lastWasUnit = false }
            }
        }
        flushWord()
        return lastWasUnit ? pos + 1 : pos
    }

    public func units(_ text: String) -> [SearchUnit] {
        var units: [SearchUnit] = []
        tokenize(text, from: 0, into: &units)
        return units
    }
}

/// A key of the index at an offset: what a query term looks up, and where it must sit.
/// Unigram keys (one Han character) carry no positions in the index; `positioned` is false.
public struct SearchKey: Sendable, Equatable {
    public var key: String
    public var offset: Int
    public var positioned: Bool { !SearchKey.isUnigram(key) }

    public init(key: String, offset: Int) {
        self.key = key
        self.offset = offset
    }

    public static func isUnigram(_ key: String) -> Bool {
        let scalars = key.unicodeScalars
        return scalars.count == 1 && CJK.isIdeograph(scalars.first!)
    }
}

extension SearchTokenizer {
    /// Every key the index stores for these units: each word, each Han character, and each pair
    /// of units at consecutive positions of which at least one is Han (keyed at the first one).
    public func indexKeys(_ units: [SearchUnit]) -> [SearchKey] {
        var keys: [SearchKey] = []
        keys.reserveCapacity(units.count * 2)
        for (i, unit) in units.enumerated() {
            keys.append(SearchKey(key: unit.text, offset: unit.position))
            if i + 1 < units.count, units[i + 1].position == unit.position + 1,
               unit.kind == .han || units[i + 1].kind == .han {
                keys.append(SearchKey(key: unit.text + units[i + 1].text, offset: unit.position))
            }
        }
        return keys
    }

    /// The fewest keys whose positions prove a phrase: words as they are; a Han run of length
    /// L ≥ 2 as pairs at offsets 0, 2, 4, … and L−2; a lone Han character as its pair with the
    /// adjacent word, or, with no adjacent unit, as an unpositioned unigram.
    public func coverKeys(_ units: [SearchUnit]) -> [SearchKey] {
        var keys: [SearchKey] = []
        var i = 0
        while i < units.count {
            let unit = units[i]
            guard unit.kind == .han else {
                keys.append(SearchKey(key: unit.text, offset: unit.position))
                i += 1
                continue
            }
            var end = i + 1
            while end < units.count, units[end].kind == .han, units[end].position == units[end - 1].position + 1 { end += 1 }
            let run = Array(units[i..<end])
            if run.count > 1 {
                var starts = Array(stride(from: 0, through: run.count - 2, by: 2))
                if starts.last != run.count - 2 { starts.append(run.count - 2) }
                for s in starts { keys.append(SearchKey(key: run[s].text + run[s + 1].text, offset: run[s].position)) }
            } else if end < units.count, units[end].position == unit.position + 1 {
                // The pair proves the following word too, so that word needs no key of its own.
                keys.append(SearchKey(key: unit.text + units[end].text, offset: unit.position))
                end += 1
            } else if i > 0, units[i - 1].position == unit.position - 1 {
                keys[keys.count - 1] = SearchKey(key: units[i - 1].text + unit.text, offset: units[i - 1].position)
            } else {
                keys.append(SearchKey(key: unit.text, offset: unit.position))
            }
            i = end
        }
        return keys
    }
}
