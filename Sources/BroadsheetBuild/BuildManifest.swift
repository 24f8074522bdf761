import Foundation

/// What a build saw and wrote, stored in the output's cache folder so the next build can tell
/// what changed. A line-based text file (tab-separated), read and written in one pass:
///
///     broadsheet-manifest 1
///     key <tool hash> <config hash> <templates hash>
///     i <size> <mtime ns> <inode> <content hash> <slugs, space-separated> <path>
///     o <content hash> <path>
///     p <page key> <path>            (article and listing pages; see PageKeys)
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
    /// Key of each article and listing page (by its path), see PageKeys.
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

    public func text() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The file's bytes, appended field by field: 50,000 interpolated and joined lines were 4% of
    /// a one-file rebuild at 10,000 articles.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(100 * (inputs.count + outputs.count + pages.count) + 256)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func field(_ text: String) { out.append(0x09); out.append(contentsOf: text.utf8) }
        add(Self.header)
        out.append(0x0A)
        add("key"); field(keys.tool); field(keys.config); field(keys.templates)
        out.append(0x0A)
        for path in inputs.keys.sorted() {
            let entry = inputs[path]!
            add("i"); field(String(entry.stamp.size)); field(String(entry.stamp.modified)); field(String(entry.stamp.inode))
            field(entry.hash); field(entry.slugs.joined(separator: " ")); field(path)
            out.append(0x0A)
        }
        for (tag, table) in [("o", outputs), ("p", pages)] {
            for path in table.keys.sorted() {
                add(tag); field(table[path]!); field(path)
                out.append(0x0A)
            }
        }
        return out
    }

    /// Parses `text`; nil when it is not a manifest this version wrote (the build then starts clean).
    public static func parse(_ text: String, started: Int64) -> BuildManifest? {
        var text = text
        return text.withUTF8 { parse(bytes: $0, started: started) }
    }

    /// The same over the file's bytes: lines and fields are cut at byte values (tab and newline
    /// are never part of a UTF-8 sequence), not at Characters, which cost 8% of a one-file rebuild.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, started: Int64) -> BuildManifest? {
        typealias Field = Slice<UnsafeBufferPointer<UInt8>>
        func string(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
        func number<T: FixedWidthInteger>(_ field: Field) -> T? { T(string(field)) }
        let tab = UInt8(ascii: "\t")
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), string(first) == header,
              let keyLine = lines.popFirst()?.split(separator: tab, omittingEmptySubsequences: false),
              keyLine.count == 4, string(keyLine[0]) == "key"
        else { return nil }
        var manifest = BuildManifest(keys: BuildKeys(tool: string(keyLine[1]), config: string(keyLine[2]), templates: string(keyLine[3])), started: started)
        manifest.outputs.reserveCapacity(lines.count)
        for line in lines {
            guard line.count > 2, line[line.startIndex + 1] == tab else { return nil }
            switch line[line.startIndex] {
            case UInt8(ascii: "i"):
                let f = line.split(separator: tab, maxSplits: 6, omittingEmptySubsequences: false)
                guard f.count == 7, let size: Int64 = number(f[1]), let modified: Int64 = number(f[2]), let inode: UInt64 = number(f[3]) else { return nil }
                let path = string(f[6])
                manifest.inputs[path] = Input(stamp: InputFile(path: path, size: size, modified: modified, inode: inode),
                                              hash: string(f[4]), slugs: f[5].split(separator: UInt8(ascii: " ")).map(string))
            case UInt8(ascii: "o"), UInt8(ascii: "p"):
                let f = line.split(separator: tab, maxSplits: 2, omittingEmptySubsequences: false)
                guard f.count == 3 else { return nil }
                if line[line.startIndex] == UInt8(ascii: "o") { manifest.outputs[string(f[2])] = string(f[1]) } else { manifest.pages[string(f[2])] = string(f[1]) }
            default:
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

    /// The keys; the tool's hash comes from `previous` when the executable is unchanged since.
    public static func compute(options: BuildOptions, previous: BuildManifest? = nil) throws -> BuildKeys {
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
        return BuildKeys(tool: ToolStamp.previousHash(previous, site: options.output) ?? toolHash, config: config, templates: templates.hex)
    }

    /// The running executable's bytes: any change to the code is a change to every output.
    static let toolHash: String = {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")) else {
            return "unknown-\(ProcessInfo.processInfo.processIdentifier)-\(Date().timeIntervalSince1970)"
        }
        return ContentHash.of(data)
    }()
}
