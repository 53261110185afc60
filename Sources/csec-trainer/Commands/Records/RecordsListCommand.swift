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
        let listing = try data.recordStore().loadAll()
        for problem in listing.problems { StandardError.print(problem.description) }
        let table = Table(
            columns: ["id", "completed", "name", "school", "jurisdiction", "score", "result"],
            rows: listing.records.map { stored in
                let record = stored.record
                return [
                    String(record.id.uuidString.lowercased().prefix(8)), record.completedAt.calendarDate.description,
                    record.trainee.name, record.trainee.school ?? "", record.training.jurisdiction,
                    "\(record.score.percent)%", record.score.passed ? "passed" : "not passed",
                ]
            })
        if listing.records.isEmpty, format == .table {
            print("No completion records in \(try data.recordStore().directory.path) yet. `csec-trainer train` makes one.")
        } else {
            print(try format.render(table, json: listing.records.map(\.record)), terminator: "")
        }
        if !listing.problems.isEmpty { throw ExitCode.failure }
    }
}
