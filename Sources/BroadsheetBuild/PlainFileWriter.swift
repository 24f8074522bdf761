import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file with open/write/close. Foundation's `Data.write(to:)` calls fsync on every file,
/// which on a virtual disk made writing a 10,000-article site take seconds of waiting per
/// thousand files. A site is rebuilt from its inputs at any time, and the staging folder is only
/// swapped in after every file was written, so per-file durability buys nothing here.
enum PlainFileWriter {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(description: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }
}
