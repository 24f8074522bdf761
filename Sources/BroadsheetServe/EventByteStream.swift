import FlyingFox
import FlyingSocks
import Foundation

/// Adapts the stream of encoded events for one client to the byte sequence FlyingFox sends as a
/// chunked response body; the response lasts as long as the stream.
struct EventByteStream: AsyncBufferedSequence {
    typealias Element = UInt8

    let messages: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(messages: messages.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = Array(message)
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
