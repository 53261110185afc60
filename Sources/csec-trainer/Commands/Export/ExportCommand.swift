import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Training content for the tools a district already runs.",
        subcommands: [ExportQuestionsCommand.self]
    )
}
