import Dispatch
import Foundation

/// Data-parallel helpers over all cores, shared by every stage (ingest, render, index, write).
/// Results land in their input's slot, so the output order (and therefore every byte the build
/// writes) never depends on scheduling or core count.
public enum Parallel {
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for every i in 0..<count, run concurrently, results in index order.
    public static func map<T>(_ count: Int, _ body: (Int) throws -> T) rethrows -> [T] {
        if count == 0 { return [] }
        let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        // Chunks of several items keep dispatch overhead small for cheap bodies.
        let chunk = max(1, min(64, count / (cores * 8)))
        let chunks = (count + chunk - 1) / chunk
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                    slots[i] = Result { try body(i) }
                }
            }
        }
        return try slots.map { try $0!.get() }
    }

    /// Runs two independent pieces of work at the same time and returns both results.
    ///
    /// `second` runs on a thread of its own and `first` on the caller's. Not one
    /// `concurrentPerform` of two: libdispatch divides a nested `concurrentPerform`'s width by its
    /// outer one's, so every `map` inside either side ran on one core, and when one side waited or
    /// finished the other kept one core of two busy (15 s of a 100k build's related lists, 8 s of
    /// its index files).
    public static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        if cores == 1 { return (try first(), try second()) }
        return try withoutActuallyEscaping(second) { second in
            // The thread keeps its block until it is deallocated, so the block holds the closure
            // through a box that is emptied before `withoutActuallyEscaping` checks it is unshared.
            let side = SecondSide(second)
            let thread = Thread { side.run() }
            // The build's stages recurse (templates, cmark trees): the main thread's stack size.
            thread.stackSize = 8 << 20
            thread.start()
            let ra = Result { try first() }
            let rb = side.wait()
            return (try ra.get(), try rb.get())
        }
    }

    /// The side of `both` that runs on its own thread.
    private final class SecondSide<B>: @unchecked Sendable {
        private var body: (() throws -> B)?
        private var result: Result<B, any Error>?
        private let done = DispatchSemaphore(value: 0)
        init(_ body: @escaping () throws -> B) { self.body = body }
        func run() {
            result = Result { try body!() }
            body = nil
            done.signal()
        }
        func wait() -> Result<B, any Error> {
            done.wait()
            return result!
        }
    }

    /// Runs `body` for every index concurrently; the first error (by index) is rethrown.
    public static func forEach(_ count: Int, _ body: (Int) throws -> Void) rethrows {
        _ = try map(count, body)
    }
}
