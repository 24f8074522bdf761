import Foundation

/// One message of a `text/event-stream`. Multi-line data is sent as one `data:` field per line,
/// which the browser joins back with newlines.
public struct ServerSentEvent: Sendable, Equatable {
    public var name: String?
    public var data: String

    public init(name: String?, data: String) {
        self.name = name
        self.data = data
    }

    public static func reload(build: String) -> ServerSentEvent { ServerSentEvent(name: "reload", data: build) }
    public static func hello(build: String) -> ServerSentEvent { ServerSentEvent(name: "hello", data: build) }
    public static func error(_ message: String) -> ServerSentEvent { ServerSentEvent(name: "error", data: message) }

    /// A comment line: ignored by the browser, but it finds connections whose reader has gone.
    public static let keepAlive = Data(": keep-alive\n\n".utf8)

    /// Tells the browser how soon to reconnect after the stream drops (e.g. a server restart).
    public static let retry = Data("retry: 1000\n\n".utf8)

    public var encoded: Data {
        var text = ""
        if let name { text += "event: \(name)\n" }
        let lines = data.replacingOccurrences(of: "\r\n", with: "\n").split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
        for line in lines { text += "data: \(line)\n" }
        return Data((text + "\n").utf8)
    }
}
