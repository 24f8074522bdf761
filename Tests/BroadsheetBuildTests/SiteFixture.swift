import BroadsheetBuild
import Foundation

/// Paths of the repository and scratch folders for end-to-end builds.
enum SiteFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-tests-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func options(seeds: URL = repo.appendingPathComponent("seeds"), output: URL,
                        config: URL = repo.appendingPathComponent("site.yml"),
                        templates: URL = repo.appendingPathComponent("Templates")) -> BuildOptions {
        BuildOptions(seeds: seeds, output: output, config: config, templates: templates)
    }

    /// Every regular file under `root`, relative path → bytes.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                files[relative] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
