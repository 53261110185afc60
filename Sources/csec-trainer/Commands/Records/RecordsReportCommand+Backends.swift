import Foundation
import PostgresStorage
import RecordStore
import Records
import Storage

extension RecordsReportCommand {
    /// The report over the data directory's record files, from their checked summary index.
    func filesReport(_ year: SchoolYear, _ asOf: CalendarDate) throws -> (ComplianceReport, [String], Bool) {
        let found = try data.recordStore().summaries()
        let rosters = FileRosterRepository(dataDirectory: data.directory)
        let roster = try waitFor { try await rosters.roster() }
        let report =
            roster.map { ComplianceReport(completions: found.summaries, roster: $0, schoolYear: year, asOf: asOf) }
            ?? ComplianceReport(completions: found.summaries, schoolYear: year, asOf: asOf)
        return (report, found.problems.map(\.description), roster != nil)
    }

    /// The report computed in the database at `address`, with its roster.
    func databaseReport(at address: String, year: SchoolYear, asOf: CalendarDate) throws -> (
        ComplianceReport, [String], Bool
    ) {
        let store = try data.recordStore()
        return try waitFor {
            try await RecordBackend.using(databaseAddress: address, store: store) { backend async throws(StorageError) in
                let (found, withRoster) = try await backend.complianceReport(for: year, asOf: asOf)
                return (found.report, found.problems.map(\.description), withRoster)
            }
        }
    }
}
