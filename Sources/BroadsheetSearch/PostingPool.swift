/// Growable byte strings for many keys at once, without an array per key: each string is a chain
/// of slices in 1 MiB pages, slices doubling from 8 bytes up to 16 KiB, each followed by the
/// 4-byte address of the next. Small keys (most of them) cost a 12-byte slice; large ones waste
/// at most a slice. An address is `page << 20 | offset`.
struct PostingPool: @unchecked Sendable {
    private static let pageBits = 20
    private static let pageSize = 1 << pageBits
    private static let firstSlice = 8
    private static let largestSlice = 16 * 1024
    private var pages: [UnsafeMutablePointer<UInt8>] = []
    private var used = PostingPool.pageSize
    /// Frees the pages when the last copy of the pool is gone.
    private var owner = Owner()

    private final class Owner: @unchecked Sendable {
        var pages: [UnsafeMutablePointer<UInt8>] = []
        deinit { for page in pages { page.deallocate() } }
    }

    /// Where one string starts, where its next byte goes, where its current slice ends, and its length.
    struct Chain {
        var head: UInt32 = 0
        var tail: UInt32 = 0
        var limit: UInt32 = 0
        var count: UInt32 = 0
    }

    /// Bytes held in pages.
    var reservedBytes: Int { pages.count * Self.pageSize }

    /// Forgets every string, keeping the first page for reuse and freeing the others.
    mutating func reset() {
        if pages.count > 1 {
            for page in pages.dropFirst() { page.deallocate() }
            pages.removeSubrange(1...)
            owner.pages = pages
        }
        used = pages.isEmpty ? Self.pageSize : 0
    }

    @inline(__always) private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        pages[Int(address >> UInt32(Self.pageBits))] + Int(address & UInt32(Self.pageSize - 1))
    }

    private mutating func allocate(_ size: Int) -> UInt32 {
        if used + size + 4 > Self.pageSize {
            let page = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.pageSize)
            pages.append(page)
            owner.pages.append(page)
            used = 0
        }
        let address = UInt32(pages.count - 1) << UInt32(Self.pageBits) | UInt32(used)
        used += size + 4
        return address
    }

    /// The size of the slice after `count` bytes filled the previous ones.
    @inline(__always) private static func sliceSize(after count: Int) -> Int {
        count == 0 ? firstSlice : min(largestSlice, count)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to chain: inout Chain) {
        guard let source = bytes.baseAddress else { return }
        if chain.limit == 0 {
            chain.head = allocate(Self.firstSlice)
            chain.tail = chain.head
            chain.limit = chain.head + UInt32(Self.firstSlice)
        }
        var from = 0
        while from < bytes.count {
            if chain.tail == chain.limit {
                let size = Self.sliceSize(after: Int(chain.count))
                let next = allocate(size)
                UnsafeMutableRawPointer(pointer(chain.limit)).storeBytes(of: next, as: UInt32.self)
                chain.tail = next
                chain.limit = next + UInt32(size)
            }
            let n = min(bytes.count - from, Int(chain.limit - chain.tail))
            let target = pointer(chain.tail)
            // Most appends are a few bytes: a loop beats a call to memmove.
            if n <= 8 {
                for k in 0..<n { target[k] = source[from + k] }
            } else {
                target.update(from: source + from, count: n)
            }
            chain.tail += UInt32(n)
            chain.count += UInt32(n)
            from += n
        }
    }

    /// Appends the string's bytes to `out`.
    func copy(_ chain: Chain, to out: inout [UInt8]) {
        var address = chain.head
        var remaining = Int(chain.count)
        var size = Self.firstSlice
        var written = 0
        while remaining > 0 {
            let n = min(remaining, size)
            out.append(contentsOf: UnsafeBufferPointer(start: pointer(address), count: n))
            remaining -= n
            written += n
            guard remaining > 0 else { break }
            address = UnsafeRawPointer(pointer(address + UInt32(size))).loadUnaligned(as: UInt32.self)
            size = Self.sliceSize(after: written)
        }
    }
}
