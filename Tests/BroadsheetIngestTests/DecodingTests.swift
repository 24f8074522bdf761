@testable import BroadsheetIngest
import BroadsheetModel
import Testing

@Suite("Decoding: encodings and line ends")
struct DecodingTests {
    static let traditionalLead = "近日,全市穩就業工作推進會召開。會議強調,要穩就業保民生。"
    static let simplifiedLead = "近日,全市稳就业工作推进会召开。会议强调,要稳就业保民生。"

    @Test("UTF-8 with and without BOM and UTF-16 with BOM decode to the same text",
          arguments: ["encoding-utf8.txt", "encoding-utf8-bom.txt", "encoding-utf16le.txt", "encoding-utf16be.txt"])
    func unicodeForms(file: String) throws {
        let result = try FixtureLoader.ingest("forms/" + file)
        #expect(result.diagnostics.allSatisfy { $0.severity != .error })
        #expect(result.articles.first?.paragraphs.first == Self.traditionalLead)
    }

    @Test("GB18030 bytes that are not UTF-8 are decoded as GB18030")
    func gb18030() throws {
        let result = try FixtureLoader.ingest("forms/encoding-gb18030.txt")
        #expect(result.articles.first?.paragraphs.first == Self.simplifiedLead)
    }

    @Test("Big5 is decoded when the configuration names it for the path")
    func big5() throws {
        let config = SiteConfig(title: "t", topics: [], encodings: ["encoding-big5": "big5"])
        let result = try FixtureLoader.ingest("forms/encoding-big5.txt", config: config)
        #expect(result.articles.first?.paragraphs.first == Self.traditionalLead)
        #expect(result.articles.first?.script == .traditional)
    }

    @Test("undecodable bytes give an error naming the file and byte offset, and no article")
    func invalidBytes() throws {
        let result = try FixtureLoader.ingest("forms/encoding-invalid.txt")
        #expect(result.articles.isEmpty)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.file == "encoding-invalid.txt")
        #expect(error.byteOffset == 10)  // 近 日 , 全 = 10 bytes, then a cut-off 市
        #expect(error.code == "decode.invalid-bytes")
    }

    @Test("the GB18030 fallback refuses bytes that break its structure")
    func gbStructure() {
        #expect(TextDecoder.decode(Data([0xE4, 0xB8, 0xAD, 0xFF, 0x41])).isFailure)
        #expect(TextDecoder.decode(Data([0x81, 0x20])).isFailure)
    }

    @Test("CRLF and CR line ends read like LF", arguments: ["newlines-crlf.txt", "newlines-cr.txt"])
    func lineEnds(file: String) throws {
        let result = try FixtureLoader.ingest("forms/" + file)
        let article = try #require(result.articles.first)
        #expect(article.paragraphs.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
        #expect(article.paragraphs.first?.hasPrefix("近日,全市稳就业工作推进会召开。") == true)
    }
}

import Foundation

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}

@Suite("Decoding: telling damaged UTF-8 from GB18030")
struct EncodingGuessTests {
    @Test("UTF-8 with one bad byte is damaged UTF-8; GB18030 bytes are not UTF-8")
    func mostlyUTF8() throws {
        var utf8 = Array("近日，全市稳就业工作推进会召开。会议强调，要稳就业保民生。".utf8)
        utf8.insert(0xB0, at: 9)
        #expect(TextDecoder.mostlyUTF8(utf8))
        let gb = try FixtureLoader.data("forms/encoding-gb18030.txt")
        #expect(!TextDecoder.mostlyUTF8([UInt8](gb)))
    }
}
