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

    /// Caps glibc's malloc arenas at `count` (default: 8 per core). Each thread that allocates
    /// while another holds its arena's lock gets an arena of its own, and a freed chunk goes back
    /// to the arena it came from: bodies made on the ingest threads and freed during render were
    /// kept in their arenas while the index's threads took fresh memory in others. At 100,000
    /// articles on 2 cores, 2 arenas gave a peak of 927–947 MiB against 978–987 MiB, at no
    /// measurable cost in time (runs too noisy to tell 5%). Call before the first thread starts.
    static func limitArenas(to count: Int) {
        #if canImport(Glibc)
        // M_ARENA_MAX from <malloc.h>, which is not in Swift's Glibc module.
        if let mallopt = mallocOpt { _ = mallopt(-8, Int32(count)) }
        #endif
    }

    #if canImport(Glibc)
    private static let mallocOpt: (@convention(c) (Int32, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }()

    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif
}
