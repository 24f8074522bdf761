import Foundation
import Yams

/// The contents of `site.yml`.
public struct SiteConfig: Sendable, Equatable, Decodable {
    public var title: String
    public var language: String
    public var description: String
    /// Absolute base URL for feeds and sitemap; when nil no absolute URL is written.
    public var baseURL: String?
    public var topics: [TopicConfig]
    /// Year to assume for inputs whose text gives none, keyed by a path prefix relative to the seeds.
    public var years: [String: Int]
    /// Legacy encoding for inputs, keyed by a path prefix (`big5`, `gb18030`).
    public var encodings: [String: String]

    enum CodingKeys: String, CodingKey {
        case title, language, description, topics, years, encodings
        case baseURL = "base_url"
    }

    public init(title: String, language: String = "zh-CN", description: String = "", baseURL: String? = nil,
                topics: [TopicConfig], years: [String: Int] = [:], encodings: [String: String] = [:]) {
        self.title = title
        self.language = language
        self.description = description
        self.baseURL = baseURL
        self.topics = topics
        self.years = years
        self.encodings = encodings
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "zh-CN"
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        let base = try c.decodeIfPresent(String.self, forKey: .baseURL)
        baseURL = (base?.isEmpty ?? true) ? nil : base
        topics = try c.decodeIfPresent([TopicConfig].self, forKey: .topics) ?? []
        years = try c.decodeIfPresent([String: Int].self, forKey: .years) ?? [:]
        encodings = try c.decodeIfPresent([String: String].self, forKey: .encodings) ?? [:]
    }

    public static func load(from url: URL) throws -> SiteConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(path: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        do {
            return try YAMLDecoder().decode(SiteConfig.self, from: text)
        } catch {
            throw ConfigError(path: url.path, message: "\(error)")
        }
    }

    /// The most specific (longest) prefix entry matching `path`.
    public static func lookup<V>(_ table: [String: V], path: String) -> V? {
        table.keys.filter { path.hasPrefix($0) }.max { ($0.count, $1) < ($1.count, $0) }.flatMap { table[$0] }
    }
}

public struct TopicConfig: Sendable, Equatable, Decodable {
    public var id: String
    public var name: String
    public var description: String
    /// Term → weight. Multi-character phrases count as single terms.
    public var terms: [String: Double]
    /// Terms that count against the topic.
    public var negative: [String: Double]
    /// Minimum normalised score for the topic to be assigned; nil means the classifier's default.
    public var threshold: Double?
    /// Minimum number of distinct terms found before the topic can be assigned (one word in
    /// passing never makes a topic); nil means the classifier's default.
    public var minTerms: Int?
    /// Factor for terms found in the kicker, title or subtitle; nil means the classifier's default.
    public var titleWeight: Double?

    public init(id: String, name: String, description: String = "", terms: [String: Double],
                negative: [String: Double] = [:], threshold: Double? = nil, minTerms: Int? = nil,
                titleWeight: Double? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.terms = terms
        self.negative = negative
        self.threshold = threshold
        self.minTerms = minTerms
        self.titleWeight = titleWeight
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, terms, negative, threshold
        case minTerms = "min_terms"
        case titleWeight = "title_weight"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        terms = try c.decodeIfPresent([String: Double].self, forKey: .terms) ?? [:]
        negative = try c.decodeIfPresent([String: Double].self, forKey: .negative) ?? [:]
        threshold = try c.decodeIfPresent(Double.self, forKey: .threshold)
        minTerms = try c.decodeIfPresent(Int.self, forKey: .minTerms)
        titleWeight = try c.decodeIfPresent(Double.self, forKey: .titleWeight)
    }

    /// Terms sorted longest first, then by text: a stable order for matching and reports.
    public var sortedTerms: [(term: String, weight: Double)] {
        terms.map { ($0.key, $0.value) }.sorted { ($1.term.count, $0.term) < ($0.term.count, $1.term) }
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
