import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory, as `Data` that unmaps it when released. Unlike
/// `Data(contentsOf:options: .alwaysMapped)`, which may read a file into the heap instead, the
/// bytes are known to be a mapping, so `releasePages` may drop them from the resident set.
enum MappedFile {
    /// The file's bytes, mapped; nil when it cannot be opened or mapped (an empty file is empty Data).
    static func data(at url: URL) -> Data? {
        #if canImport(Glibc)
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        if size == 0 { return Data() }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in _ = munmap(pointer, count) })
        #else
        return try? Data(contentsOf: url, options: .alwaysMapped)
        #endif
    }

    /// Lets the kernel drop the pages of a `data(at:)` mapping from this process's resident set;
    /// the mapping stays valid and pages back in from the page cache when read again.
    static func releasePages(_ data: Data) {
        #if canImport(Glibc)
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            _ = madvise(UnsafeMutableRawPointer(mutating: base), raw.count, MADV_DONTNEED)
        }
        #endif
    }
}
