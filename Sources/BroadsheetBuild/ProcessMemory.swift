import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's resident memory, read from /proc (Linux); nil elsewhere. `--verbose` prints it
/// after each stage, so that a large build shows where its peak comes from.
enum ProcessMemory {
    /// Current resident set and its peak so far, in MB.
    static func residentMB() -> (now: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
        }
        guard let now = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return (now, peak)
    }

    /// Gives the heap's free pages back to the system (glibc `malloc_trim`). Called when a stage
    /// has just dropped a lot (ingest's scratch text, the article bodies): the freed chunks are
    /// scattered among live ones, so glibc keeps them resident, and the next stage's large
    /// buffers (mapped afresh) would add to them instead of reusing them.
    static func releaseFreed() {
        #if canImport(Glibc)
        // <malloc.h> is not in Swift's Glibc module; the function is looked up once.
        if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif
}
