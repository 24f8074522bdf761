import Foundation

/// What a build saw and wrote, stored in the output's cache folder so the next build can tell
/// what changed. A line-based text file (tab-separated), read and written in one pass:
///
///     broadsheet-manifest 1
///     key <tool hash> <config hash> <templates hash>
///     i <size> <mtime ns> <inode> <content hash> <slugs, space-separated> <path>
///     o <content hash> <path>
///     p <page key> <path>            (article pages; see PageKeys)
public struct BuildManifest: Sendable, Equatable {
    public static let header = "broadsheet-manifest 1"

    public struct Input: Sendable, Equatable {
        public var stamp: InputFile
        public var hash: String
        public var slugs: [String]
        public init(stamp: InputFile, hash: String, slugs: [String]) {
            self.stamp = stamp
            self.hash = hash
            self.slugs = slugs
        }
    }

    public var keys: BuildKeys
    /// When the build that wrote this manifest listed its inputs (kept as the manifest file's
    /// modification time, so that the file's bytes depend on the inputs alone).
    public var started: Int64
    public var inputs: [String: Input] = [:]
    public var outputs: [String: String] = [:]
    /// Key of each article page (by its HTML path), see PageKeys.
    public var pages: [String: String] = [:]

    public init(keys: BuildKeys, started: Int64) {
        self.keys = keys
        self.started = started
    }

    /// True when `input` carries the stamp recorded here and was not modified so close to that
    /// build's start that a later edit could share its timestamp (then only its hash can tell).
    public func stampMatches(_ input: InputFile) -> Bool {
        guard let old = inputs[input.path]?.stamp else { return false }
        return old == input && input.modified < started - 2_000_000_000
    }

    public func text() -> String {
        var lines = [Self.header, "key\t\(keys.tool)\t\(keys.config)\t\(keys.templates)"]
        for path in inputs.keys.sorted() {
            let entry = inputs[path]!
            lines.append("i\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.inode)\t\(entry.hash)\t\(entry.slugs.joined(separator: " "))\t\(path)")
        }
        for path in outputs.keys.sorted() { lines.append("o\t\(outputs[path]!)\t\(path)") }
        for path in pages.keys.sorted() { lines.append("p\t\(pages[path]!)\t\(path)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `text`; nil when it is not a manifest this version wrote (the build then starts clean).
    public static func parse(_ text: String, started: Int64) -> BuildManifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(header),
              let keyLine = lines.popFirst()?.split(separator: "\t", omittingEmptySubsequences: false),
              keyLine.count == 4, keyLine[0] == "key"
        else { return nil }
        var manifest = BuildManifest(keys: BuildKeys(tool: String(keyLine[1]), config: String(keyLine[2]), templates: String(keyLine[3])), started: started)
        for line in lines {
            if line.hasPrefix("i\t") {
                let f = line.split(separator: "\t", maxSplits: 6, omittingEmptySubsequences: false)
                guard f.count == 7, let size = Int64(f[1]), let modified = Int64(f[2]), let inode = UInt64(f[3]) else { return nil }
                let path = String(f[6])
                manifest.inputs[path] = Input(stamp: InputFile(path: path, size: size, modified: modified, inode: inode),
                                              hash: String(f[4]), slugs: f[5].split(separator: " ").map(String.init))
            } else if line.hasPrefix("o\t") || line.hasPrefix("p\t") {
                let f = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                guard f.count == 3 else { return nil }
                if f[0] == "o" { manifest.outputs[String(f[2])] = String(f[1]) } else { manifest.pages[String(f[2])] = String(f[1]) }
            } else {
                return nil
            }
        }
        return manifest
    }
}

/// Hashes of everything besides the inputs that decides the output: the tool's own executable,
/// the configuration file and every file of the templates folder.
public struct BuildKeys: Sendable, Equatable {
    public var tool: String
    public var config: String
    public var templates: String

    public init(tool: String, config: String, templates: String) {
        self.tool = tool
        self.config = config
        self.templates = templates
    }

    public static func compute(options: BuildOptions) throws -> BuildKeys {
        let config = (try? Data(contentsOf: options.config)).map(ContentHash.of) ?? "none"
        var templates = ContentHash()
        let fm = FileManager.default
        let paths = (fm.enumerator(atPath: options.templates.path)?.compactMap { $0 as? String } ?? []).sorted()
        for relative in paths {
            var isDir: ObjCBool = false
            let url = options.templates.appendingPathComponent(relative)
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            templates.update(relative)
            templates.update((try? Data(contentsOf: url)) ?? Data())
        }
        return BuildKeys(tool: toolHash, config: config, templates: templates.hex)
    }

    /// The running executable's bytes: any change to the code is a change to every output.
    static let toolHash: String = {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")) else {
            return "unknown-\(ProcessInfo.processInfo.processIdentifier)-\(Date().timeIntervalSince1970)"
        }
        return ContentHash.of(data)
    }()
}
