import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Training content for other tools: question banks.",
        subcommands: [ExportQuestionsCommand.self]
    )
}
