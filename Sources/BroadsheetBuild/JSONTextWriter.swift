import Foundation

/// Appends compact JSON to a byte buffer. The build report of a 10,000-article site is tens of
/// megabytes; JSONEncoder took seconds to write it, this takes a fraction of that.
struct JSONTextWriter {
    let bytes = MallocBytes()

    /// Bytes that are already JSON (a line of a previous report).
    mutating func raw<Bytes: Collection<UInt8>>(bytes json: Bytes) {
        bytes.append(contentsOf: json)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = value
        copy.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0a: raw("\\n")
                case 0x0d: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xf)])
                }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func double(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 { return int(Int(value)) }
        bytes.append(contentsOf: "\(value)".utf8)
    }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// `"key":` — callers write keys in sorted order, as the report always had them.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { raw(",") }
        raw("\"")
        raw(name)
        raw("\":")
    }

    mutating func array<T>(_ values: [T], separator: StaticString = ",", _ write: (inout JSONTextWriter, T) -> Void) {
        raw("[")
        for (i, value) in values.enumerated() {
            if i > 0 { raw(separator) }
            write(&self, value)
        }
        raw("]")
    }
}
