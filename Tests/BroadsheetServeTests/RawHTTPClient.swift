import Foundation

/// What came back from one raw request.
struct RawResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(header: String) -> String? { headers[header.lowercased()] }
}

/// Sends requests exactly as written, so tests can send targets that URL clients would normalise
/// (`/../`, `%2e%2e`, backslashes, NUL). One connection per request.
struct RawHTTPClient: Sendable {
    let port: UInt16

    func send(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawResponse {
        let port = port
        return try await onOwnThread {
            let connection = try SocketConnection(port: port)
            var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            try connection.write(request + "\r\n")
            var response = try Self.readHead(connection)
            if method == "HEAD" || response.status == 304 {
                // No body may follow; the connection closes after the head, so this reads nothing.
                response.body = try connection.readToEnd()
                return response
            }
            if response["transfer-encoding"] == "chunked" {
                while let chunk = try connection.readChunk() { response.body.append(chunk) }
            } else if let length = response["content-length"].flatMap({ Int($0) }) {
                response.body = try connection.read(count: length)
            } else {
                response.body = try connection.readToEnd()
            }
            return response
        }
    }

    func get(_ target: String, headers: [String: String] = [:]) async throws -> RawResponse {
        try await send(target, headers: headers)
    }

    static func readHead(_ connection: SocketConnection) throws -> RawResponse {
        let statusLine = try connection.readLine()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw SocketConnection.Failure(description: "bad status line: \(statusLine)")
        }
        var headers: [String: String] = [:]
        while case let line = try connection.readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Data())
    }
}

/// Runs blocking socket work on a new thread and awaits its result.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
