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
    public static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        var a: Result<A, any Error>?
        var b: Result<B, any Error>?
        try withoutActuallyEscaping(first) { first in
            try withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let first = first, second = second
                nonisolated(unsafe) var ra: Result<A, any Error>?, rb: Result<B, any Error>?
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { ra = Result { try first() } } else { rb = Result { try second() } }
                }
                a = ra
                b = rb
            }
        }
        return (try a!.get(), try b!.get())
    }

    /// Runs `body` for every index concurrently; the first error (by index) is rethrown.
    public static func forEach(_ count: Int, _ body: (Int) throws -> Void) rethrows {
        _ = try map(count, body)
    }
}
