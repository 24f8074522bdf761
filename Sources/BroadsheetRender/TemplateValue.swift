/// A value a page template reads: typed, so the renderer never needs reflection or dynamic casts
/// to find out what it holds. Mirrors what the templates saw as `[String: Any]` before: text,
/// numbers, flags (`false` for an absent value), lists and objects.
public enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }

    /// The text, or `false` when there is none (see ArticleViews for why never "absent").
    public static func text(_ value: String?) -> TemplateValue { value.map { .text($0) } ?? .flag(false) }

    /// The same value as the plain Swift types swift-mustache reads by reflection.
    public var anyValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let list): list.map(\.anyValue)
        case .object(let object): object.anyValue
        }
    }
}

/// Named values, in the order given. Pages hold a few dozen keys at most, so a linear search is
/// faster than hashing every looked-up name.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var keys: [String] = []
    private(set) var values: [TemplateValue] = []

    public init(_ pairs: [(String, TemplateValue)] = []) {
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

    public var pairs: Zip2Sequence<[String], [TemplateValue]> { zip(keys, values) }

    public subscript(key: String) -> TemplateValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public var anyValue: [String: Any] {
        Dictionary(zip(keys, values.map(\.anyValue)), uniquingKeysWith: { _, last in last })
    }
}
