import BroadsheetModel
import Foundation
import Testing
@testable import BroadsheetBuild

@Suite("Binary cache records")
struct IngestRecordCodecTests {
    static func fixture() throws -> IngestRecord {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/cache/full-record", withExtension: "json"))
        return try JSONDecoder().decode(IngestRecord.self, from: Data(contentsOf: url))
    }

    /// True when a Mirror child holds a value that the codec would have to carry (not nil, not
    /// empty, not false, not zero), so that a field the fixture leaves unset is noticed.
    static func isSet(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { isSet($0.value) } ?? false }
        switch value {
        case let v as String: return !v.isEmpty
        case let v as Bool: return v
        case let v as Int: return v != 0
        case let v as [Any]: return !v.isEmpty
        default: return true
        }
    }

    @Test("the fixture sets every stored property of Article, so the round trip covers each one")
    func fixtureSetsEveryArticleField() throws {
        let article = try #require(try Self.fixture().articles.first)
        let unset = Mirror(reflecting: article).children.filter { !Self.isSet($0.value) }.map { $0.label ?? "?" }
        #expect(unset.isEmpty, "set these fields in Fixtures/cache/full-record.json and in IngestRecordCodec: \(unset)")
    }

    @Test("an ingest record with every field set survives encoding and decoding unchanged")
    func recordRoundTrips() throws {
        let record = try Self.fixture()
        let decoded = try IngestRecordCodec.decode(IngestRecordCodec.encode([record, record]))
        #expect(decoded.count == 2)
        #expect(decoded.first?.articles == record.articles)
        #expect(decoded.first?.diagnostics == record.diagnostics)
        #expect(decoded.last?.path == record.path && decoded.last?.hash == record.hash)
        #expect(try IngestRecordCodec.decode(diagnostics: IngestRecordCodec.encode(diagnostics: record.diagnostics)) == record.diagnostics)
    }

    @Test("a truncated or foreign segment is rejected, not misread")
    func damagedSegmentIsRejected() throws {
        let bytes = IngestRecordCodec.encode([try Self.fixture()])
        #expect(throws: (any Error).self) { try IngestRecordCodec.decode(bytes.prefix(bytes.count - 3)) }
        #expect(throws: (any Error).self) { try IngestRecordCodec.decode(Data("[{\"path\":1}]".utf8)) }
        #expect(throws: (any Error).self) { try IngestRecordCodec.decode(bytes + Data([0])) }
    }
}
