import ArgumentParser

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Trainer-led group sessions: participants answer on their own devices.",
        subcommands: [SessionHostCommand.self]
    )
}
