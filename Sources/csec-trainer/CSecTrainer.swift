import ArgumentParser

@main
struct CSecTrainer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csec-trainer",
        abstract: "Training on California county protocols for responding to commercial sexual exploitation of children (CSEC).",
        discussion: """
            Each county protocol is a data file under Scoring/protocols/, read from the county's \
            printed one-page protocol; every step cites the printed document and the step it comes from.

            Start with:
              csec-trainer learn --jurisdiction marin
                                                    the briefing before the quiz
              csec-trainer train                    a training session (asks your name)
              csec-trainer records list             completion records on this machine
              csec-trainer records report --school-year 2026-2027
                                                    who is complete, due or overdue
              csec-trainer certificate ID --out certificate.pdf
                                                    a certificate of a passing record
              csec-trainer protocols                the jurisdictions
              csec-trainer protocol marin           Marin County's protocol
              csec-trainer answer --jurisdiction san-diego --indicator survival-sex
                                                    the category and next step it gives
            """,
        version: version,
        subcommands: [
            LearnCommand.self,
            TrainCommand.self, SessionCommand.self, RecordsCommand.self, StaffCommand.self, CertificateCommand.self,
            KeysCommand.self, SettingsCommand.self, DatabaseCommand.self, ServeCommand.self,
            ProtocolsCommand.self,
            ProtocolCommand.self,
            AnswerCommand.self, ScenariosCommand.self,
            ExportCommand.self,
        ]
    )
}
