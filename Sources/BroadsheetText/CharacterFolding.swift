import Foundation

/// Character-by-character traditional → simplified folding, derived from OpenCC's t2s.
///
/// Search and topics fold text one character at a time, so that the browser (which gets this
/// table as data) and the build fold identically. Phrase-level conversion would not be
/// reproducible in JavaScript.
public struct CharacterFolding: Sendable {
    /// Traditional scalar → simplified scalar, only where they differ.
    public let map: [UnicodeScalar: UnicodeScalar]
    /// `map` for the ideograph blocks (U+3400–U+9FFF) as a flat table, 0 where the map has no
    /// entry: folding is asked of every scalar of every article, and hashing dominated it.
    private let ideographs: [UInt32]

    public init(map: [UnicodeScalar: UnicodeScalar]) {
        self.map = map
        var table = [UInt32](repeating: 0, count: Self.tableEnd - Self.tableStart)
        for (key, value) in map where (Self.tableStart..<Self.tableEnd).contains(Int(key.value)) {
            table[Int(key.value) - Self.tableStart] = value.value
        }
        ideographs = table
    }

    private static let tableStart = 0x3400, tableEnd = 0xA000

    /// Derives the table by asking OpenCC for every CJK Unified Ideograph (basic block and
    /// extension A), one per line, in one call.
    public static func derive(using converter: OpenCC) -> CharacterFolding {
        var scalars: [UnicodeScalar] = []
        for value in UInt32(0x3400)...UInt32(0x4DBF) { if let s = UnicodeScalar(value) { scalars.append(s) } }
        for value in UInt32(0x4E00)...UInt32(0x9FFF) { if let s = UnicodeScalar(value) { scalars.append(s) } }
        var input = String.UnicodeScalarView()
        for scalar in scalars {
            input.append(scalar)
            input.append("\n")
        }
        let output = converter.convert(String(input)).split(separator: "\n", omittingEmptySubsequences: false)
        var map: [UnicodeScalar: UnicodeScalar] = [:]
        guard output.count >= scalars.count else { return CharacterFolding(map: [:]) }
        for (index, scalar) in scalars.enumerated() {
            let converted = output[index].unicodeScalars
            if converted.count == 1, let target = converted.first, target != scalar {
                map[scalar] = target
            }
        }
        return CharacterFolding(map: map)
    }

    /// The table derived from the system's OpenCC, computed once per process.
    public static let shared: CharacterFolding = {
        guard let converter = OpenCC.t2s else { return CharacterFolding(map: [:]) }
        return derive(using: converter)
    }()

    public func fold(_ scalar: UnicodeScalar) -> UnicodeScalar { folded(scalar) ?? scalar }

    /// The scalar this one folds to, or nil when it stays (`map[scalar]`).
    public func folded(_ scalar: UnicodeScalar) -> UnicodeScalar? {
        let v = Int(scalar.value)
        guard v >= Self.tableStart, v < Self.tableEnd else { return map[scalar] }
        let target = ideographs[v - Self.tableStart]
        return target == 0 ? nil : UnicodeScalar(target)
    }
}
