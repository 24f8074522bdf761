import Foundation

/// Listens on the server's event stream like a page's EventSource, recording each event with the
/// moment it arrived.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable {
        var name: String
        var data: String
        var arrived: ContinuousClock.Instant
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    private let connection: SocketConnection
    private let lock = NSLock()
    private var received: [Event] = []
    private var isEnded = false

    init(port: UInt16) throws {
        connection = try SocketConnection(port: port, readTimeout: 120)
        try connection.write("GET /__broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        Thread { [self] in readEvents() }.start()
    }

    var events: [Event] { lock.withLock { received } }
    var ended: Bool { lock.withLock { isEnded } }

    /// The first event called `name` among those arriving after the first `skipping` events.
    func next(_ name: String, skipping: Int = 0, within limit: Duration = .seconds(60)) async throws -> Event {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let event = events.dropFirst(skipping).first(where: { $0.name == name }) { return event }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(description: "no \(name) event within \(limit); got \(events.map(\.name))")
    }

    func waitUntilEnded(within limit: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if ended { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return ended
    }

    func close() {
        connection.shutdown()
    }

    private func readEvents() {
        defer { lock.withLock { isEnded = true } }
        guard let head = try? RawHTTPClient.readHead(connection), head.status == 200 else { return }
        var text = ""
        while let chunk = try? connection.readChunk() {
            text += String(decoding: chunk, as: UTF8.self)
            while let end = text.firstRange(of: "\n\n") {
                let block = String(text[..<end.lowerBound])
                text.removeSubrange(..<end.upperBound)
                record(block)
            }
        }
    }

    private func record(_ block: String) {
        var name = "message"
        var data: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        guard !data.isEmpty else { return }  // comments and retry lines are not events
        let event = Event(name: name, data: data.joined(separator: "\n"), arrived: .now)
        lock.withLock { received.append(event) }
    }
}
