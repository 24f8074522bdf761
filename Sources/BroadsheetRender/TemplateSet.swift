import Foundation
import Mustache

/// The site's look, read from the templates folder at run time so it can be edited without
/// recompiling: `*.mustache` page templates and partials, plus `assets/` copied as they are.
public struct TemplateSet: @unchecked Sendable {
    public let library: MustacheLibrary
    /// The same templates, compiled for rendering without reflection; nil when a template uses a
    /// feature only swift-mustache renders (see CompiledTemplates).
    let compiled: CompiledTemplates?
    /// Files under `assets/`, path relative to the templates folder.
    public let assets: [(path: String, bytes: Data)]

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): error: \(message)" }
    }

    public static let requiredTemplates = ["index", "topic", "article", "search", "404", "overview", "archive"]

    public init(directory: URL) throws {
        let fm = FileManager.default
        var library = MustacheLibrary()
        let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw LoadError(path: url.path, message: "template does not parse: \(error)")
            }
        }
        for required in Self.requiredTemplates where library.getTemplate(named: required) == nil {
            throw LoadError(path: directory.appendingPathComponent("\(required).mustache").path, message: "missing template")
        }
        self.library = library
        let templateNames = names.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        compiled = try? CompiledTemplates(library, names: templateNames)
        var assets: [(String, Data)] = []
        let assetsDir = directory.appendingPathComponent("assets")
        if let walker = fm.enumerator(atPath: assetsDir.path) {
            for case let relative as String in walker {
                var isDir: ObjCBool = false
                let url = assetsDir.appendingPathComponent(relative)
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                assets.append(("assets/" + relative, try Data(contentsOf: url)))
            }
        }
        self.assets = assets.sorted { $0.0 < $1.0 }
    }

    public func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    public func render(_ template: String, _ context: TemplateValue) -> String {
        if let compiled, compiled.has(template) { return compiled.render(template, context) }
        return library.render(context.anyValue, withTemplate: template) ?? ""
    }

    /// True when pages are rendered by the compiled templates, not by swift-mustache.
    public var isCompiled: Bool { compiled != nil }
}
