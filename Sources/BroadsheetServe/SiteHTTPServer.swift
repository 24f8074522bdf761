import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `serve`: a FlyingFox server answering from the current site snapshot and
/// streaming reload events. It knows nothing of builds, so tests can serve any folder with it.
public final class SiteHTTPServer: Sendable {
    public let store: SiteStore
    public let hub: ReloadHub
    let http: HTTPServer
    let host: String
    let requestedPort: UInt16

    /// `host` is an IP address (or `localhost`); `port` 0 picks a free port.
    public init(host: String, port: UInt16, store: SiteStore, hub: ReloadHub) throws {
        self.store = store
        self.hub = hub
        self.host = host
        requestedPort = port
        http = HTTPServer(address: try Self.address(host: host, port: port), timeout: 30,
                          logger: .disabled, handler: PreviewHandler(store: store, hub: hub))
    }

    /// Serves until `stop()`; throws when the address cannot be bound.
    public func run() async throws {
        do {
            try await http.run()
        } catch SocketError.failed(type: "Bind", _, let message) {
            throw ListenError(description: "cannot listen on \(host) port \(requestedPort): \(message)")
        } catch {
            // stop() closes the listening socket, which ends run() with an error.
            if await !hub.isFinished { throw error }
        }
    }

    /// Ends open event streams, then closes the server.
    public func stop() async {
        await hub.finish()
        // The listener never ends by itself, so the timeout is how long stop() takes: keep it short.
        await http.stop(timeout: 0.25)
    }

    /// The bound port, once listening.
    public func port() async throws -> UInt16 {
        try await http.waitUntilListening(timeout: 10)
        switch await http.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: throw SocketError.unsupportedAddress
        }
    }

    /// Loopback unless told otherwise; `localhost` means 127.0.0.1, and IPv6 literals are accepted.
    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let ip = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        do {
            if ip.contains(":") { return try sockaddr_in6.inet6(ip6: ip, port: port) }
            return try sockaddr_in.inet(ip4: ip, port: port)
        } catch {
            throw AddressError(host: host)
        }
    }

    public struct ListenError: Error, CustomStringConvertible {
        public var description: String
    }

    public struct AddressError: Error, CustomStringConvertible {
        public var host: String
        public var description: String {
            "\(host) is not an IP address: give one such as 127.0.0.1, 0.0.0.0, ::1 or ::, or localhost"
        }
    }
}
