import COpenCC
import Foundation

/// The one boundary to libopencc. Converts to Swift strings at once and frees every C buffer.
/// One handle is opened per configuration and reused (opening costs milliseconds).
public final class OpenCC: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String)
        public var description: String {
            switch self {
            case .cannotOpen(let config): return "OpenCC could not open its configuration \(config) (is libopencc-dev installed?)"
            }
        }
    }

    private let handle: opencc_t
    // libopencc does not document its handles as thread-safe; the lock makes sharing safe.
    private let lock = NSLock()

    public init(config: String = "t2s.json") throws {
        let opened = opencc_open(config)
        // opencc_open signals failure with (opencc_t)-1, not NULL.
        guard let opened, Int(bitPattern: opened) != -1 else { throw Failure.cannotOpen(config) }
        handle = opened
    }

    deinit { opencc_close(handle) }

    /// Traditional → simplified for the whole string (phrase-aware).
    public func convert(_ text: String) -> String {
        if text.isEmpty { return text }
        lock.lock()
        defer { lock.unlock() }
        var utf8 = Array(text.utf8)
        let count = utf8.count
        return utf8.withUnsafeMutableBufferPointer { buffer -> String in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: count) { pointer in
                guard let converted = opencc_convert_utf8(handle, pointer, count) else { return text }
                defer { opencc_convert_utf8_free(converted) }
                return String(cString: converted)
            }
        }
    }

    /// The shared t2s converter, or nil when OpenCC is unavailable.
    public static let t2s: OpenCC? = try? OpenCC(config: "t2s.json")
}
