import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Training content for the tools a district already runs: question banks, and packages an LMS imports.",
        discussion: """
            - questions: the two-part questions with their feedback and citations, as Moodle XML, GIFT or QTI 2.1;
            - scorm: a SCORM 1.2 package (imsmanifest.xml) with a self-contained player;
            - cmi5: a cmi5 course package (cmi5.xml) whose player sends xAPI statements to the LMS's record store.
            The answers come from the protocol engine, for one county's protocol. docs/question-banks.md and \
            docs/lms-packages.md say what each holds.
            """,
        subcommands: [ExportQuestionsCommand.self, ExportSCORMCommand.self, ExportCMI5Command.self]
    )
}
