import Foundation

/// Turns bytes into text without ever substituting U+FFFD silently.
public enum TextDecoder {
    public struct Failure: Error, Sendable {
        public var byteOffset: Int
        public var message: String
    }

    public static func decode(_ data: Data, encodingHint: String? = nil) -> Result<String, Failure> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3)), offset: 3) }
        return utf8(bytes, offset: 0)
    }

    static func utf8(_ bytes: [UInt8], offset: Int) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(normalizeNewlines(text)) }
        let bad = firstInvalidUTF8(bytes) + offset
        return .failure(Failure(byteOffset: bad, message: "invalid UTF-8 at byte \(bad)"))
    }

    /// Offset of the first byte that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.count
    }

    static func normalizeNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
