import Foundation
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// The compliance report, grouped in SQL as ``ComplianceReport`` groups in Swift: per
    /// person (the same ``ComplianceReport/personKey(of:)``, kept in a column), the latest
    /// record until the year's end, the latest passing completion in the year and the number
    /// of attempts in the year; the rows are assembled in Swift.
    ///
    /// Every record a row rests on (its latest record and its passing one) is verified, and its
    /// columns are checked against the verified record; when one fails, it is a problem, and
    /// that person's rows are worked out from their records that verify. Attempts are counted
    /// from the columns.
    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate) async throws(StorageError)
        -> VerifiedReport
    {
        let grouped = try await groupedInSQL(schoolYear)
        let checks = verifiedInParallel(grouped.flatMap { person in [person.latest] + (person.passing.map { [$0] } ?? []) })
        var people: [ComplianceReport.Person] = []
        var problems: [StorageError] = []
        var recheck: [String] = []
        var next = checks.makeIterator()
        for person in grouped {
            let latest = Self.summary(next.next(), columns: person.latest.columns)
            let passing = person.passing.map { Self.summary(next.next(), columns: $0.columns) }
            switch (latest, passing) {
            case (.success(let latest), nil):
                people.append(.init(latest: latest, passing: nil, attempts: person.attempts))
            case (.success(let latest), .success(let passing)?):
                people.append(.init(latest: latest, passing: passing, attempts: person.attempts))
            case (.failure(let problem), _), (_, .failure(let problem)?):
                problems.append(problem)
                recheck.append(person.key)
            }
        }
        let rechecked = try await peopleFromVerifiedRecords(of: recheck, schoolYear: schoolYear)
        // A record that failed above fails again when its person is rechecked: report it once.
        var reported: Set<String> = []
        return VerifiedReport(
            report: ComplianceReport(people: people + rechecked.people, schoolYear: schoolYear, asOf: asOf),
            problems: (problems + rechecked.problems).filter { reported.insert($0.description).inserted })
    }

    /// A record the report rests on: its row and the columns it was grouped by.
    struct ReportRecord: Sendable {
        var id: UUID
        var bytes: Data
        var columns: RecordColumns
    }

    /// One person as SQL grouped them.
    struct GroupedPerson: Sendable {
        var key: String
        var latest: ReportRecord
        var passing: ReportRecord?
        var attempts: Int
    }

    private func groupedInSQL(_ year: SchoolYear) async throws(StorageError) -> [GroupedPerson] {
        let table = self.table
        let (start, end) = (year.start.description, year.end.description)
        return try await database.run { client in
            let rows = try await client.query(
                """
                WITH until_year_end AS (
                    SELECT id, person_key, completed_at, utc_offset_seconds, completed_on, completes_training
                    FROM \(unescaped: table) WHERE completed_on <= \(end)::date
                ), latest AS (
                    SELECT DISTINCT ON (person_key) person_key, id FROM until_year_end
                    ORDER BY person_key, completed_at DESC, utc_offset_seconds DESC, id DESC
                ), passing AS (
                    SELECT DISTINCT ON (person_key) person_key, id FROM until_year_end
                    WHERE completed_on >= \(start)::date AND completes_training
                    ORDER BY person_key, completed_at DESC, utc_offset_seconds DESC, id DESC
                ), attempts AS (
                    SELECT person_key, count(*) AS attempts FROM until_year_end
                    WHERE completed_on >= \(start)::date GROUP BY person_key
                )
                SELECT latest.person_key, coalesce(attempts.attempts, 0),
                    l.id, l.signed_file, l.person_key, l.completed_at, l.utc_offset_seconds, l.completed_on::text,
                    l.completes_training,
                    p.id, p.signed_file, p.person_key, p.completed_at, p.utc_offset_seconds, p.completed_on::text,
                    p.completes_training
                FROM latest
                JOIN \(unescaped: table) l ON l.id = latest.id
                LEFT JOIN passing ON passing.person_key = latest.person_key
                LEFT JOIN \(unescaped: table) p ON p.id = passing.id
                LEFT JOIN attempts ON attempts.person_key = latest.person_key
                """)
            var people: [GroupedPerson] = []
            for try await row in rows.decode(
                (
                    String, Int, UUID, Data, String, Date, Int, String, Bool, UUID?, Data?, String?, Date?, Int?, String?,
                    Bool?
                ).self)
            {
                let latest = ReportRecord(
                    id: row.2, bytes: row.3,
                    columns: RecordColumns(
                        id: row.2, personKey: row.4, completedAt: row.5, utcOffsetSeconds: row.6, completedOn: row.7,
                        completesTraining: row.8))
                var passing: ReportRecord?
                if let id = row.9, let bytes = row.10, let key = row.11, let at = row.12, let offset = row.13,
                    let on = row.14, let completes = row.15
                {
                    passing = ReportRecord(
                        id: id, bytes: bytes,
                        columns: RecordColumns(
                            id: id, personKey: key, completedAt: at, utcOffsetSeconds: offset, completedOn: on,
                            completesTraining: completes))
                }
                people.append(GroupedPerson(key: row.0, latest: latest, passing: passing, attempts: row.1))
            }
            return people
        }
    }

    private func verifiedInParallel(_ records: [ReportRecord]) -> [Result<VerifiedRecord, StorageError>] {
        verifiedInParallel(records.map { ($0.id, $0.bytes) })
    }

    /// The summary of a verified record whose columns agree with it.
    private static func summary(_ check: Result<VerifiedRecord, StorageError>?, columns: RecordColumns) -> Result<
        CompletionSummary, StorageError
    > {
        guard let check else { return .failure(.database(location: "report", reason: "a record went missing")) }
        return check.flatMap { record in
            guard RecordColumns(record.record) == columns else {
                return .failure(
                    .altered(
                        location: record.location,
                        reason: "its columns in the table (person, date or result) are not those of the signed record"))
            }
            return .success(record.summary)
        }
    }

    /// The people with `keys`, from every record of theirs until the year's end that verifies.
    private func peopleFromVerifiedRecords(of keys: [String], schoolYear: SchoolYear) async throws(StorageError) -> (
        people: [ComplianceReport.Person], problems: [StorageError]
    ) {
        guard !keys.isEmpty else { return ([], []) }
        let table = self.table
        let end = schoolYear.end.description
        let rows = try await database.run { client in
            var rows: [(UUID, Data)] = []
            let query: PostgresQuery = """
                SELECT id, signed_file FROM \(unescaped: table)
                WHERE person_key = ANY(\(keys)) AND completed_on <= \(end)::date
                """
            for try await row in try await client.query(query).decode((UUID, Data).self) { rows.append(row) }
            return rows
        }
        var summaries: [CompletionSummary] = []
        var problems: [StorageError] = []
        for result in verifiedInParallel(rows) {
            switch result {
            case .success(let record): summaries.append(record.summary)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (ComplianceReport.people(from: summaries, schoolYear: schoolYear), problems)
    }
}
