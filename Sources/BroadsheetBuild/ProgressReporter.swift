import Foundation

/// One status line on a terminal: the stage, items done of all, and the rate. Silent when stderr
/// is not a terminal (pipes, CI logs, tests), so logs hold only the summary.
public final class ProgressReporter: @unchecked Sendable {
    public static let silent = ProgressReporter(enabled: false)

    private let enabled: Bool
    private let lock = NSLock()
    private var stage = ""
    private var unit = ""
    private var total = 0
    private var done = 0
    private var stageStart = Date()
    private var lastDraw = Date.distantPast
    private let buildStart = Date()
    private let sink: @Sendable (String) -> Void

    public init(enabled: Bool, sink: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.enabled = enabled
        self.sink = sink
    }

    /// Enabled when stderr is a terminal.
    public static func forTerminal() -> ProgressReporter {
        ProgressReporter(enabled: isatty(2) == 1)
    }

    public func begin(_ stage: String, total: Int = 0, unit: String = "") {
        guard enabled else { return }
        lock.lock()
        self.stage = stage
        self.unit = unit
        self.total = total
        done = 0
        stageStart = Date()
        draw(force: true)
        lock.unlock()
    }

    public func advance(by count: Int = 1) {
        guard enabled else { return }
        lock.lock()
        done += count
        draw(force: false)
        lock.unlock()
    }

    /// Clears the status line, leaving the terminal for the summary.
    public func finish() {
        guard enabled else { return }
        lock.lock()
        sink("\r\u{1B}[K")
        lock.unlock()
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = String(format: "[%5.1fs] %@", now.timeIntervalSince(buildStart), stage)
        if total > 0 {
            let elapsed = now.timeIntervalSince(stageStart)
            line += " \(done)/\(total) \(unit)"
            if elapsed > 0.2, done > 0 { line += String(format: ", %.0f %@/s", Double(done) / elapsed, unit) }
        }
        sink("\r\u{1B}[K\(line)")
    }
}
