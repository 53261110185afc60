import ArgumentParser
import Foundation
import RecordStore
import Records
import TerminalUI

struct RecordsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List completion records, newest first: date, name, school, jurisdiction, score, pass.")

    @OptionGroup var data: DataOptions
    @Option(help: "table, csv or json.") var format: TableFormat = .table

    func run() throws {
        let store = try data.recordStore()
        // Text and CSV come from the summary index (fast on a large store); JSON gives whole records.
        let problems: [RecordStoreError]
        let output: String
        let isEmpty: Bool
        if format == .json {
            // Whole records, each verified: a changed file is a problem, never listed.
            let listing = store.loadAll()
            var verified: [StoredRecord] = []
            var found = listing.problems
            for stored in listing.records {
                do {
                    try store.verify(stored)
                    verified.append(stored)
                } catch {
                    found.append(error)
                }
            }
            (problems, isEmpty) = (found, verified.isEmpty)
            output = try JSONOutput.string(verified.map(\.record)) + "\n"
        } else {
            let found = store.summaries()
            let newestFirst = found.summaries.sorted { $0.completedAt > $1.completedAt }
            (problems, isEmpty) = (found.problems, newestFirst.isEmpty)
            output = try format.render(Self.table(newestFirst), json: [String]())
        }
        for problem in problems { StandardError.print(problem.description) }
        if isEmpty, format == .table {
            print("No completion records in \(store.directory.path) yet. `csec-trainer train` makes one.")
        } else {
            print(output, terminator: "")
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }

    static func table(_ summaries: [CompletionSummary]) -> Table {
        Table(
            columns: ["id", "completed", "name", "school", "jurisdiction", "score", "result"],
            rows: summaries.map { summary in
                [
                    String(summary.id.prefix(8)), summary.completedAt.calendarDate.description, summary.trainee.name,
                    summary.trainee.school ?? "", summary.jurisdiction,
                    summary.outcome.percent.map { "\($0)%" } ?? "", summary.outcome.resultText,
                ]
            })
    }
}
