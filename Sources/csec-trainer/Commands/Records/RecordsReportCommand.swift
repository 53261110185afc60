import ArgumentParser
import Foundation
import PostgresStorage
import RecordStore
import Records
import Storage
import TerminalUI

struct RecordsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Who has completed the training this school year, and who is due or overdue.",
        discussion: """
            One row per person (by employee id, else email, else name): the latest passing \
            completion in the school year, its score, the due date and the status. Training is \
            due six weeks after the school year starts, or after the hire date for staff hired \
            during the year (recorded with `train --hire-date`): the rule districts use for \
            mandated-reporter training (Education Code 44691 as added in 2014; confirm the \
            deadline your district applies under the current text).

            The school year starts on July 1 (Education Code 37200) unless --year-start gives \
            the district's first day.

            With a staff roster (`staff import`), everyone on it is listed, those with no \
            attempt too, with district, role, email and the verification code; records are \
            matched by employee id, else by name and school (marked "confirm match").
            """)

    @Option(help: ArgumentHelp("The school year, e.g. 2026-2027.", valueName: "YYYY-YYYY")) var schoolYear: String
    @Option(help: ArgumentHelp("The first day of the school year (default: July 1).", valueName: "YYYY-MM-DD"))
    var yearStart: CalendarDate?
    @Option(help: ArgumentHelp("The day to judge due and overdue on (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?
    @Option(help: "table, csv or json.") var format: TableFormat = .table
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let year = SchoolYear(schoolYear, start: yearStart) else {
            throw ValidationError(
                "--school-year '\(schoolYear)' must be two consecutive years such as 2026-2027"
                    + (yearStart == nil ? "." : ", and --year-start must fall between July 1 and December 31 of the first."))
        }
        let asOf = asOf ?? CalendarDate(Date(), utcOffsetSeconds: TimeZone.current.secondsFromGMT())

        let (found, withRoster) = try database.using(data) { backend async throws(StorageError) in
            try await backend.complianceReport(for: year, asOf: asOf)
        }
        let (report, problems) = (found.report, found.problems)
        for problem in problems { StandardError.print(problem.description) }
        let table = Table(
            columns: ["name", "employee id", "school", "completed", "score", "due", "status"],
            rows: report.rows.map { row in
                [
                    row.name, row.employeeID ?? "", row.school ?? "", row.completed?.description ?? "",
                    row.percent.map { "\($0)%" } ?? "", row.dueDate.description, row.status.rawValue,
                ]
            })
        if format == .table {
            print(
                "School year \(report.schoolYear) (from \(year.start)), as of \(asOf): \(report.rows.count) \(report.rows.count == 1 ? "person" : "people")"
            )
        }
        print(try format.render(withRoster ? report.rosterTable : table, json: report), terminator: "")
        if !problems.isEmpty {
            StandardError.print("\(problems.count) record file(s) were left out of the report (above).")
            throw ExitCode.failure
        }
    }
}
