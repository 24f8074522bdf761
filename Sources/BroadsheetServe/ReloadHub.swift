import Foundation

/// The open pages, each listening on an event stream. It remembers the build being served and the
/// last rebuild error, so a page that connects late is told both at once.
public actor ReloadHub {
    private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]
    private(set) var build: String
    private(set) var failure: String?
    public private(set) var isFinished = false

    public init(build: String) {
        self.build = build
    }

    public var clientCount: Int { clients.count }

    /// A new listener: it first hears the current build (and the current error, if any).
    public func subscribe() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .bufferingNewest(32))
        guard !isFinished else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(ServerSentEvent.retry)
        continuation.yield(ServerSentEvent.hello(build: build).encoded)
        if let failure { continuation.yield(ServerSentEvent.error(failure).encoded) }
        return stream
    }

    /// A rebuild succeeded: pages reload and any error overlay goes with the old page.
    public func didBuild(_ build: String) {
        self.build = build
        failure = nil
        broadcast(ServerSentEvent.reload(build: build).encoded)
    }

    /// A rebuild failed: pages show the error over the last good site.
    public func didFail(_ message: String) {
        failure = message
        broadcast(ServerSentEvent.error(message).encoded)
    }

    public func sendKeepAlive() {
        broadcast(ServerSentEvent.keepAlive)
    }

    /// Ends every stream, so open responses complete and the server can stop.
    public func finish() {
        isFinished = true
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }

    private func broadcast(_ message: Data) {
        for continuation in clients.values { continuation.yield(message) }
    }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }
}
