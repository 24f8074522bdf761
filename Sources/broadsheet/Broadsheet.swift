import ArgumentParser

@main
struct Broadsheet: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Turns raw Chinese newspaper text into a topic-indexed, searchable static site.",
        version: version,
        subcommands: [BuildCommand.self, ConvertCommand.self, SearchCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
