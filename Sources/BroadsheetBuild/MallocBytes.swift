import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A growable byte buffer in malloc'd memory whose bytes can become `Data` without a copy
/// (`takeData`). The build report of a 100,000-article site is 115 MB: an `Array` grown by
/// doubling and then copied into `Data` held it two to three times at once.
final class MallocBytes {
    private var pointer: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    deinit { free(pointer) }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var next = max(4096, capacity * 2)
        while next < count + extra { next *= 2 }
        // glibc grows a large block with mremap: no second copy while it grows.
        guard let grown = realloc(pointer, next) else { fatalError("MallocBytes: out of memory for \(next) bytes") }
        pointer = grown.assumingMemoryBound(to: UInt8.self)
        capacity = next
    }

    func append(_ byte: UInt8) {
        reserve(1)
        pointer![count] = byte
        count += 1
    }

    func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        let copied = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return true }
            reserve(buffer.count)
            (pointer! + count).update(from: base, count: buffer.count)
            count += buffer.count
            return true
        }
        if copied == nil { for byte in bytes { append(byte) } }
    }

    /// A copy of the bytes, for small buffers (a report line).
    var array: [UInt8] { pointer.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [] }

    /// The bytes as `Data`, which takes over the memory; the buffer is left empty.
    func takeData() -> Data {
        guard let taken = pointer, count > 0 else { return Data() }
        let data = Data(bytesNoCopy: taken, count: count, deallocator: .free)
        pointer = nil
        count = 0
        capacity = 0
        return data
    }
}
