import BroadsheetText
import Foundation

/// Index keys as integers while the index is built, so that no key string exists until the files
/// are written. A unit is a Han scalar value, or `wordFlag | id` for an interned word; a key is
/// one unit, a pair of units, or a topic marker.
enum SearchKeyCode {
    static let wordFlag: UInt32 = 0x4000_0000
    static let topicFlag: UInt32 = 0x2000_0000

    @inline(__always) static func single(_ unit: UInt32) -> UInt64 { UInt64(unit) }
    @inline(__always) static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 { (UInt64(first) + 1) << 32 | UInt64(second) }
    static func topic(_ index: Int) -> UInt64 { UInt64(topicFlag | UInt32(index)) }

    @inline(__always) static func isHan(_ unit: UInt32) -> Bool { unit < topicFlag }
    /// Unigrams (one Han character) are stored without positions.
    @inline(__always) static func isUnigram(_ key: UInt64) -> Bool { key < UInt64(topicFlag) }
    static func isTopic(_ key: UInt64) -> Bool { key >= UInt64(topicFlag) && key < UInt64(wordFlag) }
}

/// Words seen while indexing, each with a stable id for `SearchKeyCode`, shared by the threads
/// that tokenize documents; and the topic ids of the topic markers.
final class SearchWordTable: @unchecked Sendable {
    private var ids: [String: UInt32] = [:]
    private(set) var words: [String] = []
    /// Changed only between rounds of tokenizing.
    var topics: [String] = []
    private let lock = NSLock()

    /// The ids of `words` (one document's), new words taking the next ids.
    func ids(_ words: [String]) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return words.map { word in
            if let id = ids[word] { return id }
            let id = UInt32(self.words.count)
            ids[word] = id
            self.words.append(word)
            return id
        }
    }

    /// `SearchIndexLayout.hash` of the key's text, without making the text.
    func hash(of key: UInt64) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        func add(_ value: UInt32) { h = (h ^ value) &* 16_777_619 }
        func unit(_ code: UInt32) {
            if code & SearchKeyCode.wordFlag == 0 { return add(code) }
            for scalar in words[Int(code & ~SearchKeyCode.wordFlag)].unicodeScalars { add(scalar.value) }
        }
        let high = UInt32(key >> 32), low = UInt32(truncatingIfNeeded: key)
        if high == 0, low & SearchKeyCode.wordFlag == 0, low & SearchKeyCode.topicFlag != 0 {
            return SearchIndexLayout.hash(text(of: key))
        }
        if high != 0 { unit(high - 1) }
        unit(low)
        return h
    }

    /// The key's text, as docs/search-index.md names it.
    func text(of key: UInt64) -> String {
        func unit(_ code: UInt32) -> String {
            code & SearchKeyCode.wordFlag != 0 ? words[Int(code & ~SearchKeyCode.wordFlag)] : String(Character(Unicode.Scalar(code)!))
        }
        let high = UInt32(key >> 32), low = UInt32(truncatingIfNeeded: key)
        if high != 0 { return unit(high - 1) + unit(low) }
        if low & SearchKeyCode.wordFlag == 0, low & SearchKeyCode.topicFlag != 0 {
            return SearchIndexLayout.topicKeyPrefix + topics[Int(low & ~SearchKeyCode.topicFlag)]
        }
        return unit(low)
    }
}
