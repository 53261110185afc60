import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exports for other tools: packages an LMS imports (SCORM 1.2, cmi5).",
        subcommands: [ExportSCORMCommand.self, ExportCMI5Command.self]
    )
}
