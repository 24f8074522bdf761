import Mustache

/// The page templates as a tree the site's renderer walks directly over `TemplateValue`s.
///
/// swift-mustache parses the templates (so whitespace and standalone-tag rules are exactly its
/// own); its parse is read once, here, and rendered without the reflection and dynamic casts it
/// needs for `Any` values, which made it the largest cost of rendering. Only the features the
/// templates can use without lambdas are compiled: text, variables, sections, inverted sections
/// and partials. A template that uses anything else (transforms, inheritance blocks, dynamic
/// partials, content-type pragmas) makes `init` fail, and TemplateSet renders with swift-mustache.
struct CompiledTemplates: Sendable {
    /// How a tag names its value: `.` (the current value), `.a.b` (from the current value
    /// only), or `a.b` (the first value up the stack that has `a`).
    enum Name: Sendable {
        case current
        case fromCurrent([String])
        case fromStack([String])

        init(_ text: String) {
            let parts = text.split(separator: ".").map(String.init)
            if text == "." || parts.isEmpty { self = .current } else if text.first == "." { self = .fromCurrent(parts) } else { self = .fromStack(parts) }
        }
    }

    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        case partial(String, indentation: String?)
    }

    struct Unsupported: Error {}

    private let templates: [String: [Node]]

    /// Reads every template of `library`; throws `Unsupported` when one cannot be compiled.
    init(_ library: MustacheLibrary, names: [String]) throws {
        var templates: [String: [Node]] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name) else { continue }
            templates[name] = try Self.nodes(of: template)
        }
        self.templates = templates
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    func render(_ name: String, _ context: TemplateValue) -> String {
        guard let nodes = templates[name] else { return "" }
        var renderer = Renderer(templates: templates)
        renderer.stack = [context]
        renderer.render(nodes, indentation: nil)
        return String(decoding: renderer.out, as: UTF8.self)
    }

    // MARK: Reading swift-mustache's parse

    private static func nodes(of template: MustacheTemplate) throws -> [Node] {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
        else { throw Unsupported() }
        return try tokens.map(node)
    }

    private static func node(_ token: Any) throws -> Node {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { throw Unsupported() }
        let fields = Mirror(reflecting: payload.value).children.map { ($0.label, $0.value) }
        func field(_ label: String) -> Any? { fields.first { $0.0 == label }?.1 }
        func name() throws -> Name {
            guard let text = field("name") as? String else { throw Unsupported() }
            // Transforms (`{{lowercased(x)}}`) are swift-mustache's own: leave them to it.
            guard let transforms = field("transforms") as? [String], transforms.isEmpty else { throw Unsupported() }
            return Name(text)
        }
        switch kind {
        case "text":
            guard let text = payload.value as? String else { throw Unsupported() }
            return .text(text)
        case "variable": return .variable(try name(), escaped: true)
        case "unescapedVariable": return .variable(try name(), escaped: false)
        case "section", "invertedSection":
            guard let inner = field("template") as? MustacheTemplate else { throw Unsupported() }
            return .section(try name(), try nodes(of: inner), inverted: kind == "invertedSection")
        case "partial":
            guard fields.count == 3, let partial = fields[0].1 as? String,
                  let indentation = optional(field("indentation")), let inherits = optional(field("inherits")),
                  inherits == nil else { throw Unsupported() }
            guard let indentation = indentation else { return .partial(partial, indentation: nil) }
            guard let text = indentation as? String else { throw Unsupported() }
            return .partial(partial, indentation: text)
        default:
            throw Unsupported()
        }
    }

    /// `.some(nil)` for an Optional holding nothing, `.some(value)` for one holding a value,
    /// nil when `value` is not an Optional at all.
    private static func optional(_ value: Any?) -> Any?? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return .some(mirror.children.first?.value)
    }

    // MARK: Rendering

    /// Renders as swift-mustache does (see MustacheTemplate.renderToken), into one byte buffer.
    private struct Renderer {
        let templates: [String: [Node]]
        var stack: [TemplateValue] = []
        var out: [UInt8] = []

        init(templates: [String: [Node]]) {
            self.templates = templates
            out.reserveCapacity(32 * 1024)
        }

        mutating func render(_ nodes: [Node], indentation: String?) {
            guard let indentation, !indentation.isEmpty else {
                for node in nodes { render(node, indentation: indentation) }
                return
            }
            // Indent each token's output that starts a line of this template's own output.
            let start = out.count
            for node in nodes {
                let before = out.count
                render(node, indentation: indentation)
                if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n"),
                   !(before - 1 > start && out[before - 2] == UInt8(ascii: "\r")) {
                    out.insert(contentsOf: indentation.utf8, at: before)
                }
            }
        }

        private mutating func render(_ node: Node, indentation: String?) {
            switch node {
            case .text(let text):
                out.append(contentsOf: text.utf8)
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { return }
                let text = Self.text(of: value)
                if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .section(let name, let nodes, let inverted):
                let value = lookup(name)
                inverted ? renderInverted(value, nodes, indentation: indentation) : renderSection(value, nodes, indentation: indentation)
            case .partial(let name, let indented):
                guard let nodes = templates[name] else { return }
                let inner: String? = indented.map { (indentation ?? "") + $0 } ?? indentation
                render(nodes, indentation: inner)
            }
        }

        private mutating func renderSection(_ value: TemplateValue?, _ nodes: [Node], indentation: String?) {
            switch value {
            case nil: return
            case .flag(let flag)?: if flag { render(nodes, indentation: indentation) }
            case .list(let items)?:
                for item in items { renderWith(item, nodes, indentation: indentation) }
            case let value?: renderWith(value, nodes, indentation: indentation)
            }
        }

        private mutating func renderInverted(_ value: TemplateValue?, _ nodes: [Node], indentation: String?) {
            switch value {
            case nil: render(nodes, indentation: indentation)
            case .flag(let flag)?: if !flag { render(nodes, indentation: indentation) }
            case .list(let items)?: if items.isEmpty { renderWith(.list(items), nodes, indentation: indentation) }
            default: return
            }
        }

        private mutating func renderWith(_ value: TemplateValue, _ nodes: [Node], indentation: String?) {
            stack.append(value)
            render(nodes, indentation: indentation)
            stack.removeLast()
        }

        private func lookup(_ name: Name) -> TemplateValue? {
            switch name {
            case .current: return stack.last
            case .fromCurrent(let parts): return Self.child(parts[...], of: stack.last!)
            case .fromStack(let parts):
                // The first value up the stack that has the first part decides, found or not.
                for value in stack.reversed() {
                    if case .object(let object) = value, let found = object[parts[0]] {
                        return Self.child(parts.dropFirst(), of: found)
                    }
                }
                return nil
            }
        }

        private static func child(_ parts: ArraySlice<String>, of value: TemplateValue) -> TemplateValue? {
            guard let first = parts.first else { return value }
            guard case .object(let object) = value, let found = object[first] else { return nil }
            return child(parts.dropFirst(), of: found)
        }

        /// What `String(describing:)` gives for the value swift-mustache would have seen.
        private static func text(of value: TemplateValue) -> String {
            switch value {
            case .text(let text): text
            case .number(let number): String(number)
            case .flag(let flag): flag ? "true" : "false"
            case .list, .object: String(describing: value.anyValue)
            }
        }
    }
}
