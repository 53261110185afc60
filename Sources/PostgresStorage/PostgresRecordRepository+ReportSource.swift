import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// Where the report finds each person's attempts, latest record and latest passing one.
    enum ReportSource: Sendable {
        /// The rows of `report_people` (``ReportPeople``), kept per school year starting on July 1.
        case reportPeople
        /// The records themselves, grouped.
        case records

        /// `report_people` for a year that starts on July 1, the records for any other.
        init(_ year: SchoolYear) {
            self = year.start.month == 7 && year.start.day == 1 ? .reportPeople : .records
        }
    }

    /// The report's people counted again from every record, in one transaction that keeps
    /// records from being written meanwhile: after rows of `report_people` were found to
    /// disagree with the records they name.
    func recountReportPeople() async throws(StorageError) {
        let database = self.database
        try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                for statement in [
                    "LOCK TABLE {schema}.completion_records IN SHARE MODE",
                    "DELETE FROM {schema}.report_people",
                    "INSERT INTO {schema}.report_people (\(ReportPeople.columns))\n"
                        + ReportPeople.grouped("{schema}.completion_records"),
                ] {
                    try await connection.query(database.sql(statement), logger: RecordDatabase.logger)
                }
            }
        }
    }
}
