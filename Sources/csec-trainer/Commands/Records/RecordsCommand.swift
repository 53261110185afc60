import ArgumentParser

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Completion records: list, show, verify, and the school-year compliance report.",
        discussion: """
            Every finished training session is kept as one signed JSON file in \
            <data dir>/records (see --data-dir). The files are signed with this installation's \
            Ed25519 key, so `records verify` finds any change to any byte.
            """,
        subcommands: [
            RecordsListCommand.self, RecordsShowCommand.self, RecordsVerifyCommand.self, RecordsReportCommand.self,
            RecordsImportCommand.self, RecordsExportCommand.self, RecordsSendCommand.self, RecordsStatsCommand.self,
        ]
    )
}
