import BroadsheetModel
@testable import BroadsheetBuild
import Foundation
import Testing

@Suite("Build machinery")
struct BuildMachineryTests {
    @Test("a parallel map returns results in input order whatever the scheduling")
    func parallelMapKeepsOrder() {
        let values = Parallel.map(10_000) { i -> Int in
            if i % 97 == 0 { usleep(50) }  // uneven work shuffles completion order
            return i * 3
        }
        #expect(values == (0..<10_000).map { $0 * 3 })
    }

    @Test("a parallel map rethrows the error of the lowest failing index")
    func parallelMapRethrowsFirstError() {
        struct Failure: Error, Equatable { var index: Int }
        #expect(throws: Failure(index: 500)) {
            _ = try Parallel.map(2_000) { i -> Int in
                if i >= 500 && i % 100 == 0 { throw Failure(index: i) }
                return i
            }
        }
    }

    @Test("both sides of Parallel.both return their results and the second side's error is rethrown")
    func parallelBothReturnsAndRethrows() throws {
        struct Failure: Error, Equatable {}
        let (a, b) = try Parallel.both({ (0..<1000).reduce(0, +) }, { "index" })
        #expect(a == 499_500 && b == "index")
        #expect(throws: Failure()) { _ = try Parallel.both({ 1 }, { () throws -> Int in throw Failure() }) }
    }

    // A map inside one side of `both` must get every core: with both sides in one
    // `concurrentPerform`, libdispatch gave each inner map one thread, and item 0 below would
    // wait for item 1 forever (here: until the timeout).
    @Test("a parallel map inside Parallel.both runs its items at the same time", .enabled(if: Parallel.cores > 1))
    func parallelMapInsideBothIsConcurrent() throws {
        let (_, met) = try Parallel.both({ 0 }, { () -> [Bool] in
            let second = DispatchSemaphore(value: 0)
            return Parallel.map(2) { i -> Bool in
                if i == 1 { second.signal(); return true }
                return second.wait(timeout: .now() + 10) == .success
            }
        })
        #expect(met == [true, true])
    }

    @Test("content hashes tell apart inputs that differ in one byte, in length, or in field boundaries")
    func contentHashesDiffer() {
        let base = Data((0..<1000).map { UInt8($0 % 251) })
        var oneByte = base
        oneByte[517] ^= 1
        #expect(ContentHash.of(base) == ContentHash.of(Data(base)))
        #expect(ContentHash.of(base) != ContentHash.of(oneByte))
        #expect(ContentHash.of(base) != ContentHash.of(base + Data([0])))
        #expect(ContentHash.of(Data()) != ContentHash.of(Data([0])))
        var ab = ContentHash(), a = ContentHash()
        ab.update("ab"); ab.update("c")
        a.update("a"); a.update("bc")
        #expect(ab.hex != a.hex)
        #expect(ContentHash.of(base).count == 32)
    }

    @Test("progress draws stage, counts and rate when enabled, and nothing when disabled")
    func progressOnlyWhenEnabled() {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func add(_ s: String) { lock.lock(); text += s; lock.unlock() }
        }
        for enabled in [false, true] {
            let lines = Lines()
            let progress = ProgressReporter(enabled: enabled, sink: { lines.add($0) })
            progress.begin("ingest", total: 10, unit: "files")
            progress.advance(by: 10)
            progress.finish()
            if enabled {
                #expect(lines.text.contains("ingest 0/10 files"))
                #expect(lines.text.hasSuffix("\r\u{1B}[K"))
            } else {
                #expect(lines.text.isEmpty)
            }
        }
    }
}
