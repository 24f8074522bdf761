import CoreFoundation
import Foundation

/// Turns bytes into text without ever substituting U+FFFD silently.
///
/// Order of decisions: a BOM decides (UTF-8, UTF-16 LE/BE); a configured legacy encoding decides;
/// valid UTF-8 is UTF-8; otherwise GB18030 only when every byte sequence is well-formed GB18030
/// (checked here, because decoders accept almost anything). Anything else is an error naming the
/// first offending byte.
public enum TextDecoder {
    public struct Failure: Error, Sendable {
        public var byteOffset: Int
        public var message: String
    }

    public static func decode(_ data: Data, encodingHint: String? = nil) -> Result<String, Failure> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3)), offset: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(Array(bytes.dropFirst(2)), littleEndian: false) }
        if let hint = encodingHint?.lowercased() {
            switch hint {
            case "big5", "big-5": return legacy(bytes, encoding: .big5, name: "Big5", firstInvalid: LegacyValidator.firstInvalidBig5)
            case "gb18030", "gbk", "gb2312": return legacy(bytes, encoding: .gb18030, name: "GB18030", firstInvalid: LegacyValidator.firstInvalidGB18030)
            case "utf-8", "utf8": return utf8(bytes, offset: 0)
            default: break
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(normalizeNewlines(text)) }
        // Not UTF-8: GB18030 is the one legacy encoding tried without configuration, and only when
        // the bytes have its structure and contain at least one multi-byte character.
        // UTF-8 text with a few damaged bytes often has GB18030's structure by chance: when most
        // multi-byte sequences are valid UTF-8, the file is damaged UTF-8, not GB18030.
        if bytes.contains(where: { $0 >= 0x80 }), !mostlyUTF8(bytes), LegacyValidator.firstInvalidGB18030(bytes) == nil,
           case .success(let text) = legacy(bytes, encoding: .gb18030, name: "GB18030", firstInvalid: LegacyValidator.firstInvalidGB18030) {
            return .success(text)
        }
        return utf8(bytes, offset: 0)
    }

    static func utf8(_ bytes: [UInt8], offset: Int) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(normalizeNewlines(text)) }
        let bad = firstInvalidUTF8(bytes) + offset
        return .failure(Failure(byteOffset: bad, message: "bytes are neither valid UTF-8 nor GB18030; first invalid byte at offset \(bad)"))
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> Result<String, Failure> {
        guard bytes.count % 2 == 0 else {
            return .failure(Failure(byteOffset: bytes.count + 1, message: "UTF-16 text has an odd number of bytes"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for i in stride(from: 0, to: bytes.count, by: 2) {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var index = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar); index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: return .success(normalizeNewlines(String(scalars)))
            case .error:
                let offset = 2 + index * 2
                return .failure(Failure(byteOffset: offset, message: "invalid UTF-16 at byte offset \(offset)"))
            }
        }
    }

    enum Legacy { case gb18030, big5 }

    static func legacy(_ bytes: [UInt8], encoding: Legacy, name: String, firstInvalid: ([UInt8]) -> Int?) -> Result<String, Failure> {
        if let bad = firstInvalid(bytes) {
            return .failure(Failure(byteOffset: bad, message: "invalid \(name) at byte offset \(bad)"))
        }
        let cf: CFStringEncodings = encoding == .gb18030 ? .GB_18030_2000 : .big5
        let ns = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(cf.rawValue))
        guard let text = String(data: Data(bytes), encoding: String.Encoding(rawValue: ns)) else {
            return .failure(Failure(byteOffset: 0, message: "the \(name) decoder rejected the file"))
        }
        return .success(normalizeNewlines(text))
    }

    /// True when valid multi-byte UTF-8 sequences far outnumber invalid bytes.
    static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0, invalid = 0, i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let start = i
            let length: Int
            switch bytes[i] {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, start + length <= bytes.count, String(validating: bytes[start..<(start + length)], as: UTF8.self) != nil {
                valid += 1
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return valid > invalid * 4
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
        // Foundation's replacement bridges the whole text: skip it when there is no CR.
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
