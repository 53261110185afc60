import ArgumentParser

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The staff roster: everyone expected to complete the training.",
        discussion: """
            Import the district's staff list (staff.csv, see docs/staff-roster.md) and \
            `records report` lists everyone on it as complete, due or overdue, including \
            those who have not started.
            """,
        subcommands: [StaffImportCommand.self, StaffListCommand.self]
    )
}
