import ArgumentParser

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Check vignette files and show the answer key the protocol engine computes for them.",
        subcommands: [ScenariosLintCommand.self, ScenariosExplainCommand.self, ScenariosCoverageCommand.self]
    )
}
