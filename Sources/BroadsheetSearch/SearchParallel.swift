import Dispatch
import Foundation

/// Runs index work on all cores; results land in their input's slot, so the files the index
/// writes never depend on scheduling or core count.
enum SearchParallel {
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for every i in 0..<count, in contiguous runs of indexes, one run per task.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if count == 0 { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let tasks = min(count, cores * 4)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                for i in (count * task / tasks)..<(count * (task + 1) / tasks) { slots[i] = body(i) }
            }
        }
        return slots.map { $0! }
    }
}
