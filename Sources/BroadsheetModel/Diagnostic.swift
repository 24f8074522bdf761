/// A problem found in the input. Converters never crash on content: they report these.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable {
        /// The file was still built; something may be wrong in it.
        case warning
        /// The file (or a part of it) could not be built.
        case error
    }

    public var severity: Severity
    /// The input path relative to the seeds folder.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 0-based byte offset, for decoding errors.
    public var byteOffset: Int?
    /// A stable machine-readable code, e.g. `decode.invalid-bytes`, `ingest.lost-characters`.
    public var code: String
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, byteOffset: Int? = nil, code: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.code = code
        self.message = message
    }

    /// `file:line: warning: message [code]`, the form compilers use.
    public var formatted: String {
        var place = file
        if let line { place += ":\(line)" }
        if let byteOffset { place += " (byte \(byteOffset))" }
        return "\(place): \(severity.rawValue): \(message) [\(code)]"
    }
}
