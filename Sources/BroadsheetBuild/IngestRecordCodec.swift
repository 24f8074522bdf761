import BroadsheetModel
import Foundation

/// The binary form of a cache segment: a list of ingest records, field by field in declaration
/// order. `IngestRecordCodecTests` round-trips an article with every field set, and fails when
/// Article gains a field the fixture leaves unset, so a new field cannot be silently dropped.
enum IngestRecordCodec {
    /// Bumped whenever the layout below changes; a segment of another version is not used.
    static let version = 2
    static let magic = "broadsheet-ingest-records"

    static func encode(_ records: [IngestRecord]) -> Data {
        var w = CacheByteWriter()
        w.string(magic)
        w.int(version)
        w.array(records) { w, record in
            w.string(record.path)
            w.string(record.hash)
            w.array(record.articles, article)
            w.array(record.diagnostics, diagnostic)
        }
        return Data(w.bytes)
    }

    static func decode(_ data: Data) throws -> [IngestRecord] {
        var r = CacheByteReader(data)
        guard try r.string() == magic, try r.int() == version else { throw CacheByteReader.Corrupt() }
        let records = try r.array { r in
            IngestRecord(path: try r.string(), hash: try r.string(), articles: try r.array(article),
                         diagnostics: try r.array(diagnostic))
        }
        guard r.atEnd else { throw CacheByteReader.Corrupt() }
        return records
    }

    /// The diagnostics of the whole build, for the summary of an up-to-date build.
    static func encode(diagnostics: [Diagnostic]) -> Data {
        var w = CacheByteWriter()
        w.string(magic)
        w.int(version)
        w.array(diagnostics, diagnostic)
        return Data(w.bytes)
    }

    static func decode(diagnostics data: Data) throws -> [Diagnostic] {
        var r = CacheByteReader(data)
        guard try r.string() == magic, try r.int() == version else { throw CacheByteReader.Corrupt() }
        let diagnostics = try r.array(diagnostic)
        guard r.atEnd else { throw CacheByteReader.Corrupt() }
        return diagnostics
    }

    static func article(_ w: inout CacheByteWriter, _ a: Article) {
        w.string(a.title)
        w.bool(a.titleGenerated)
        w.optional(a.kicker) { $0.string($1) }
        w.optional(a.subtitle) { $0.string($1) }
        w.optional(a.date) { w, d in
            w.optional(d.year) { $0.int($1) }
            w.int(d.month)
            w.int(d.day)
        }
        w.string(a.source)
        w.int(a.ordinal)
        w.int(a.line)
        w.optional(a.dateline) { w, d in
            w.string(d.source)
            w.optional(d.place) { $0.string($1) }
        }
        w.array(a.authors) { w, author in
            w.string(author.name)
            w.optional(author.role) { $0.string($1) }
        }
        w.array(a.photoCredits) { $0.string($1) }
        w.optional(a.page) { $0.string($1) }
        w.optional(a.column) { $0.string($1) }
        w.bool(a.script == .traditional)
        w.array(a.body, block)
        w.array(a.jumps) { $0.string($1) }
        w.array(a.topics) { $0.string($1) }
        w.bool(a.topicsOverridden)
        w.array(a.topicScores) { w, score in
            w.string(score.topic)
            w.double(score.score)
            w.array(score.terms) { w, hit in
                w.string(hit.term)
                w.int(hit.count)
                w.double(hit.weight)
            }
            w.bool(score.assigned)
        }
        w.string(a.slug)
        w.optional(a.excerpt) { $0.string($1) }
    }

    static func article(_ r: inout CacheByteReader) throws -> Article {
        var a = Article(title: try r.string(), source: "")
        a.titleGenerated = try r.bool()
        a.kicker = try r.optional { try $0.string() }
        a.subtitle = try r.optional { try $0.string() }
        a.date = try r.optional { r in
            ArticleDate(year: try r.optional { try $0.int() }, month: try r.int(), day: try r.int())
        }
        a.source = try r.string()
        a.ordinal = try r.int()
        a.line = try r.int()
        a.dateline = try r.optional { r in Dateline(source: try r.string(), place: try r.optional { try $0.string() }) }
        a.authors = try r.array { r in Author(name: try r.string(), role: try r.optional { try $0.string() }) }
        a.photoCredits = try r.array { try $0.string() }
        a.page = try r.optional { try $0.string() }
        a.column = try r.optional { try $0.string() }
        a.script = try r.bool() ? .traditional : .simplified
        a.body = try r.array(block)
        a.jumps = try r.array { try $0.string() }
        a.topics = try r.array { try $0.string() }
        a.topicsOverridden = try r.bool()
        a.topicScores = try r.array { r in
            TopicScore(topic: try r.string(), score: try r.double(),
                       terms: try r.array { r in TermHit(term: try r.string(), count: try r.int(), weight: try r.double()) },
                       assigned: try r.bool())
        }
        a.slug = try r.string()
        a.excerpt = try r.optional { try $0.string() }
        return a
    }

    static func block(_ w: inout CacheByteWriter, _ b: Block) {
        switch b {
        case .paragraph(let text):
            w.int(0)
            w.string(text)
        case .heading(let level, let text):
            w.int(1)
            w.int(level)
            w.string(text)
        case .figure(let caption, let credit):
            w.int(2)
            w.string(caption)
            w.optional(credit) { $0.string($1) }
        case .markdown(let text):
            w.int(3)
            w.string(text)
        }
    }

    static func block(_ r: inout CacheByteReader) throws -> Block {
        switch try r.int() {
        case 0: return .paragraph(try r.string())
        case 1: return .heading(level: try r.int(), text: try r.string())
        case 2: return .figure(caption: try r.string(), credit: try r.optional { try $0.string() })
        case 3: return .markdown(try r.string())
        default: throw CacheByteReader.Corrupt()
        }
    }

    static func diagnostic(_ w: inout CacheByteWriter, _ d: Diagnostic) {
        w.bool(d.severity == .error)
        w.string(d.file)
        w.optional(d.line) { $0.int($1) }
        w.optional(d.byteOffset) { $0.int($1) }
        w.string(d.code)
        w.string(d.message)
    }

    static func diagnostic(_ r: inout CacheByteReader) throws -> Diagnostic {
        let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
        return Diagnostic(severity, file: try r.string(), line: try r.optional { try $0.int() },
                          byteOffset: try r.optional { try $0.int() }, code: try r.string(), message: try r.string())
    }
}
