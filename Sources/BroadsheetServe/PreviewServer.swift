import BroadsheetBuild
import Foundation

/// `broadsheet serve`: builds the site, serves it over HTTP, rebuilds when an input changes and
/// tells open pages to reload (or to show the build error over the last good site).
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port; `port()` tells which.
        public var port: UInt16
        public var pollInterval: Duration = .milliseconds(250)
        /// How long the inputs must stay unchanged before a rebuild starts, so that one save
        /// touching several files (or written in pieces) makes one rebuild.
        public var quietPeriod: Duration = .milliseconds(100)
        public var keepAliveInterval: Duration = .seconds(15)

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    public let options: Options
    let server: SiteHTTPServer
    let rebuilder: SiteRebuilder
    let watcher: SourceWatcher
    let log: @Sendable (String) -> Void
    /// Distinguishes this process's builds from a previous server's, for pages that outlive it.
    let session = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    var store: SiteStore { server.store }
    var hub: ReloadHub { server.hub }

    public init(options: Options, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        rebuilder = SiteRebuilder(options: options.build)
        watcher = SourceWatcher(roots: [options.build.seeds, options.build.templates, options.build.config],
                                excluding: [options.build.output])
        server = try SiteHTTPServer(host: options.host, port: options.port, store: SiteStore(),
                                    hub: ReloadHub(build: "\(session)-0"))
    }

    /// Serves, builds, then watches until `stop()`. Throws when the address cannot be bound.
    /// Pages asked for during the first build wait on a placeholder that reloads when it is done.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                let before = self.watcher.scan()
                _ = try await self.server.port()  // build once the address is ours, not before a bind error
                await self.rebuild(number: 0, reason: nil)
                await self.watch(from: before)
            }
            group.addTask { await self.keepAlive() }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    public func stop() async {
        await server.stop()
    }

    /// The bound port, once listening.
    public func port() async throws -> UInt16 {
        try await server.port()
    }

    /// Whether a site is being served (false until the first good build).
    public var hasSite: Bool {
        get async { await !store.current.isEmpty }
    }

    /// `last` is the scan the site was built from: edits made during that build are caught too.
    private func watch(from scan: SourceWatcher.Scan) async {
        var last = scan
        var number = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            var now = watcher.scan()
            guard now != last else { continue }
            while !Task.isCancelled {
                try? await Task.sleep(for: options.quietPeriod)
                let again = watcher.scan()
                if again == now { break }
                now = again
            }
            let changed = SourceWatcher.changes(from: last, to: now)
            last = now
            number += 1
            await rebuild(number: number, reason: changed)
        }
    }

    private func rebuild(number: Int, reason changed: [String]?) async {
        let clock = ContinuousClock()
        let started = clock.now
        let build = "\(session)-\(number + 1)"
        if let changed {
            let shown = changed.prefix(3).map { Self.relative($0) }.joined(separator: ", ")
            log("changed: \(shown)\(changed.count > 3 ? " and \(changed.count - 3) more" : ""); rebuilding")
        }
        switch await rebuilder.rebuild(build: build) {
        case .built(let site, let summary):
            await store.replace(with: site)
            await hub.didBuild(build)
            let elapsed = (clock.now - started).formatted(.units(allowed: [.milliseconds], width: .narrow))
            log("built in \(elapsed)\n" + summary.trimmingCharacters(in: .newlines))
        case .failed(let message):
            if changed == nil, await store.current.isEmpty, let previous = rebuilder.previousSite(build: await hub.build) {
                await store.replace(with: previous)
                log("serving the previous build in \(options.build.output.lastPathComponent)/ until the sources build")
            }
            await hub.didFail(message)
            let serving = await store.current.isEmpty ? "nothing to serve until it builds" : "the last good site stays served"
            log("error: the build failed; \(serving)\n\(message)")
        }
    }

    private func keepAlive() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: options.keepAliveInterval)
            await hub.sendKeepAlive()
        }
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
