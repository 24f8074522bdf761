@testable import BroadsheetBuild
import Foundation
import Testing

/// The build report is written into a malloc'd buffer that becomes `Data` without a copy.
@Suite("Malloc'd byte buffer")
struct MallocBytesTests {
    @Test("bytes appended one by one, from arrays, slices and strings come out as the same Data, across growth")
    func appendedBytesBecomeData() {
        let buffer = MallocBytes()
        var expected: [UInt8] = []
        for i in 0..<20_000 {
            let piece = Array("第\(i)行，".utf8)
            if i % 3 == 0 {
                for byte in piece { buffer.append(byte) }
            } else if i % 3 == 1 {
                buffer.append(contentsOf: piece[1...])
                buffer.append(piece[0])
                expected += piece[1...]
                expected.append(piece[0])
                continue
            } else {
                buffer.append(contentsOf: "第\(i)行，".utf8)
            }
            expected += piece
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
        let data = buffer.takeData()
        #expect(data == Data(expected))
        #expect(buffer.count == 0)
        #expect(buffer.takeData().isEmpty)
    }
}
