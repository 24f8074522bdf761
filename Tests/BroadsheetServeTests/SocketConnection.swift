import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP connection to the loopback server, with a read timeout so a broken server fails
/// a test instead of hanging it. Tests use it through `RawHTTPClient` and `EventStreamClient`,
/// which run it on threads of their own, away from the threads the server's tasks need.
final class SocketConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var buffer = Data()

    init(port: UInt16, readTimeout seconds: Int = 20) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            closeSocket(fd)
            throw Failure(description: "connect to port \(port) failed: \(errno)")
        }
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(description: "send failed: \(errno)") }
            sent += n
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n < 0 { throw Failure(description: "recv failed or timed out: \(errno)") }
        if n == 0 { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// The next line without its CRLF.
    func readLine() throws -> String {
        while true {
            if let end = buffer.firstRange(of: Data("\r\n".utf8)) {
                let line = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex..<end.upperBound)
                return line
            }
            guard try fill() else { throw Failure(description: "connection closed mid-line") }
        }
    }

    func read(count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw Failure(description: "connection closed after \(buffer.count) of \(count) bytes") }
        }
        let result = Data(buffer.prefix(count))
        buffer.removeFirst(count)
        return result
    }

    func readToEnd() throws -> Data {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// One chunk of a chunked body; nil for the last (empty) chunk.
    func readChunk() throws -> Data? {
        let sizeLine = try readLine()
        guard let size = Int(sizeLine.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16) else {
            throw Failure(description: "bad chunk size line: \(sizeLine)")
        }
        if size == 0 {
            _ = try? readLine()
            return nil
        }
        let data = try read(count: size)
        _ = try readLine()
        return data
    }

    /// Unblocks a reader on another thread.
    func shutdown() {
        _ = shutdownSocket(fd)
    }

    deinit {
        closeSocket(fd)
    }
}

#if canImport(Glibc)
private func closeSocket(_ fd: Int32) { _ = Glibc.close(fd) }
private func shutdownSocket(_ fd: Int32) -> Int32 { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
#else
private func closeSocket(_ fd: Int32) { _ = Darwin.close(fd) }
private func shutdownSocket(_ fd: Int32) -> Int32 { Darwin.shutdown(fd, SHUT_RDWR) }
#endif
