import BroadsheetModel
import Foundation
import Testing

@Suite("Digits")
struct DigitsTests {
    @Test("padded decimals equal printf's %0Nd, signs and overflowing widths included")
    func paddedMatchesPrintf() {
        for value in [0, 5, 9, 10, 99, 100, 2024, 123_456, -1, -5, -42, Int.max, Int.min + 1] {
            for width in [1, 2, 4] {
                #expect(Digits.padded(value, width: width) == String(format: "%0\(width)ld", value))
            }
        }
    }

    @Test("hex16 equals printf's %016llx")
    func hexMatchesPrintf() {
        for value: UInt64 in [0, 1, 0xf, 0x10, 0xdead_beef, 0x0123_4567_89ab_cdef, .max] {
            #expect(Digits.hex16(value) == String(format: "%016llx", value))
        }
    }
}
