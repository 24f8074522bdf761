import BroadsheetModel
import BroadsheetRender
import Foundation
import Testing

@Suite("Compiled templates")
struct CompiledTemplateTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mustache")

    static let context: TemplateValue = [
        "title": "A <b>&</b> \"q\" 'a'",
        "site": ["title": "站点", "nested": ["deeper": ["value": 7]]],
        "items": [
            ["name": "一 & 二", "count": 2, "flag": true],
            ["name": "<三>", "count": 0, "flag": false],
        ],
        "empty": .list([]),
        "kicker": "引题<>",
        "absent": false,
        "html": "<em>强调</em>",
        // A quote followed by a combining accent is one character, which swift-mustache leaves as it is.
        "marks": "\"\u{301} x<y",
    ]

    @Test("compiled templates render exactly what swift-mustache renders from the same values")
    func sameAsSwiftMustache() throws {
        let set = try TemplateSet(directory: Self.fixtures)
        #expect(set.isCompiled)
        for name in ["index", "article"] {
            let compiled = set.render(name, Self.context)
            let reference = set.render(name, Self.context.anyValue as! [String: Any])
            #expect(compiled == reference, "template \(name)")
            #expect(!compiled.isEmpty)
        }
        // Items render as the list's elements, numbers and flags as swift-mustache prints them.
        let scalars: TemplateValue = ["items": ["a", 1, true], "count": 3, "flag": true]
        #expect(set.render("topic", scalars) == "a|1|true| 3 yes\n")
        #expect(set.render("topic", scalars) == set.render("topic", scalars.anyValue as! [String: Any]))
    }

    @Test("a template using a feature the compiler leaves to swift-mustache still renders")
    func fallsBackToSwiftMustache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#items}}{{name}}{{#first()}} (first){{/first()}};{{/items}}".write(to: folder.appendingPathComponent("topic.mustache"), atomically: true, encoding: .utf8)
        let set = try TemplateSet(directory: folder)
        #expect(!set.isCompiled)
        #expect(set.render("topic", Self.context) == "一 &amp; 二 (first);&lt;三&gt;;")
    }
}
