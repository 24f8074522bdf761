import ArgumentParser
import BroadsheetBuild
import BroadsheetServe
import Dispatch
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it over HTTP and rebuild and reload open pages when an input changes.")

    @Option(help: "Port to listen on (0 picks a free one).") var port: UInt16 = 8000
    @Option(help: "Address to listen on; loopback unless you say otherwise (e.g. 0.0.0.0).") var host = "127.0.0.1"
    @Option(help: "Folder of input pages.") var seeds = "seeds"
    @Option(help: "Output folder of the preview build; kept apart from public/ so a preview is never deployed.")
    var out = ".broadsheet-serve"
    @Option(help: "Site configuration.") var config = "site.yml"
    @Option(help: "Templates and assets folder.") var templates = "Templates"

    func run() throws {
        let build = BuildOptions(seeds: URL(fileURLWithPath: seeds), output: URL(fileURLWithPath: out),
                                 config: URL(fileURLWithPath: config), templates: URL(fileURLWithPath: templates))
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("broadsheet serve: \($0)\n".utf8)) }
        let server: PreviewServer
        do {
            server = try PreviewServer(options: .init(build: build, host: host, port: port), log: log)
        } catch {
            log("error: --host \(error)")
            throw ExitCode(1)
        }

        // The main thread waits below, so signals are handled on a queue of their own.
        let signalQueue = DispatchQueue(label: "broadsheet.serve.signals")
        let sources = ([SIGINT, SIGTERM] as [Int32]).map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler {
                log("\(number == SIGINT ? "interrupted" : "terminated"); stopping")
                Task { await server.stop() }
                // Should a connection refuse to close, still leave promptly.
                signalQueue.asyncAfter(deadline: .now() + 3) { Foundation.exit(0) }
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        let finished = DispatchSemaphore(value: 0)
        let host = host
        Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await server.run() }
                    group.addTask {
                        let port = try await server.port()
                        log("serving http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops)")
                    }
                    // A failure of either (the port is taken) ends both.
                    for try await _ in group {}
                }
            } catch {
                log("error: \(error)")
                Foundation.exit(1)
            }
            finished.signal()
        }
        finished.wait()
        log("stopped")
    }
}
