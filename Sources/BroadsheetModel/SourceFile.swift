import Foundation

/// One input file as loaded from disk, before decoding.
public struct SourceFile: Sendable {
    /// Path relative to the seeds folder, with `/` separators.
    public var path: String
    public var bytes: Data
    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }
}
