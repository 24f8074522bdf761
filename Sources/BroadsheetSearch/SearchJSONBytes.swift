/// JSON text written straight into bytes, for the index's many small files: the same bytes as
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` gives on these shapes (callers
/// write object keys in UTF-8 order; strings escape `"`, `\`, and control characters as
/// `\b \f \n \r \t` or `\u00XX`), at a fraction of its cost.
struct SearchJSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A string whose characters need no escaping (ids, encoded postings).
    mutating func plain<C: Collection>(_ utf8: C) where C.Element == UInt8 {
        bytes.append(0x22)
        bytes.append(contentsOf: utf8)
        bytes.append(0x22)
    }

    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var mark = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
                mark = i + 1
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
        bytes.append(0x22)
    }

    mutating func strings(_ texts: [String]) {
        bytes.append(0x5B)
        for (i, text) in texts.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            string(text)
        }
        bytes.append(0x5D)
    }
}
