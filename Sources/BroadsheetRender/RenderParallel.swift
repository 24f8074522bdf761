import Dispatch

/// Work spread over all cores, results in input order (so output never depends on scheduling).
enum RenderParallel {
    /// `body(i)` for i in 0..<count on all cores, results in index order.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { slots[$0] = body($0) }
            }
        }
        return results.map { $0! }
    }
}
