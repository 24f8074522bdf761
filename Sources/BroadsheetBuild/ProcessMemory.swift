import Foundation

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
}
