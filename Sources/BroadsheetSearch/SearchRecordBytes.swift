/// The byte layout of `SearchDocumentRecord.encoded()`: unsigned LEB128 counts and
/// length-prefixed byte blocks. The reader never traps on bad input: it reads zeros past the
/// end and clears `isValid`, so a damaged cache file is simply not used.
enum SearchRecordBytes {
    struct Writer {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        @inline(__always) mutating func count(_ value: Int) {
            var v = UInt(bitPattern: value)
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func block(_ block: [UInt8]) {
            count(block.count)
            bytes.append(contentsOf: block)
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }
    }

    struct Reader {
        private let bytes: UnsafeRawBufferPointer
        private var offset = 0
        private(set) var isValid = true

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8 {
            guard offset < bytes.count else { isValid = false; return 0 }
            defer { offset += 1 }
            return bytes[offset]
        }

        @inline(__always) mutating func count() -> Int {
            var value = 0, shift = 0
            while offset < bytes.count, shift < 63 {
                let b = bytes[offset]
                offset += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            isValid = false
            return 0
        }

        mutating func fail() { isValid = false }

        /// The range of the next length-prefixed block in the bytes read.
        mutating func blockRange() -> Range<Int> {
            let length = count()
            guard length <= bytes.count - offset else { isValid = false; return offset..<offset }
            defer { offset += length }
            return offset..<offset + length
        }

        /// The next length-prefixed string's bytes, valid while the reader's bytes are.
        mutating func stringBytes() -> UnsafeRawBufferPointer {
            let length = count()
            guard length <= bytes.count - offset else { isValid = false; return UnsafeRawBufferPointer(start: nil, count: 0) }
            defer { offset += length }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
        }

        mutating func string() -> String {
            let length = count()
            guard length <= bytes.count - offset else { isValid = false; return "" }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }
    }
}
