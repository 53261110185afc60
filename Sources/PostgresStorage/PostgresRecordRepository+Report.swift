import Foundation
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// The compliance report, grouped in SQL as ``ComplianceReport`` groups in Swift (read from
    /// `report_people`, kept as records are written, for a school year starting on July 1; see
    /// ``ReportPeople``): per
    /// person (the same ``ComplianceReport/personKey(of:)``, kept in a column) or, with the
    /// staff roster, per roster member (records joined to `staff_members` by employee id, else
    /// by name and school when exactly one member has both), the latest record until the year's
    /// end, the latest passing completion in the year and the number of attempts in the year;
    /// the rows are assembled in Swift. With a roster, the join uses this database's
    /// `staff_members` (``PostgresRosterRepository``), which `roster` is expected to be read from.
    ///
    /// Every record a row rests on (its latest record and its passing one) is checked by its
    /// row's seal (``RowSeal``), over the SHA-256 of the signed file as stored now; a row whose
    /// seal does not check out is verified by its signature instead, and its columns are checked
    /// against the verified record (a row never sealed, from before migration 3, is then sealed;
    /// a row whose seal is wrong is reported). When a record fails, it is a problem, and the rows
    /// are worked out from the records that verify: that person's without a roster, the whole
    /// report with one. Attempts are counted from the columns.
    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate, roster: StaffRoster?)
        async throws(StorageError) -> VerifiedReport
    {
        var checked = try await checkedGroups(schoolYear, withRoster: roster != nil, from: ReportSource(schoolYear))
        var disagreement: [StorageError] = []
        if checked.disagreeing > 0 {
            // Rows of report_people changed by hand: the report groups the records themselves,
            // and the table is counted again.
            disagreement.append(
                .altered(
                    location: location + " (report_people)",
                    reason:
                        "the report's summary of \(checked.disagreeing) people named records that are not theirs, "
                        + "not from the year, or not passing; the report was worked out from the records themselves, "
                        + "and the summary counted again from them"))
            try await recountReportPeople()
            checked = try await checkedGroups(schoolYear, withRoster: roster != nil, from: .records)
        }
        checked.unsealed = disagreement + checked.unsealed
        let grouped = checked.groups
        var people: [(rosterMember: String?, byName: Bool, person: ComplianceReport.Person)] = []
        people.reserveCapacity(grouped.count)
        var problems: [StorageError] = []
        var recheck: [String] = []
        for index in grouped.indices {
            let (rosterMember, byName, attempts) = (
                grouped[index].rosterMember, grouped[index].matchedByName, grouped[index].attempts
            )
            switch (grouped[index].latest.result, grouped[index].passing?.result) {
            case (.success(let latest), nil):
                people.append((rosterMember, byName, .init(latest: latest, passing: nil, attempts: attempts)))
            case (.success(let latest), .success(let passing)?):
                people.append((rosterMember, byName, .init(latest: latest, passing: passing, attempts: attempts)))
            case (.failure(let problem), _), (_, .failure(let problem)?):
                problems.append(problem)
                recheck.append(grouped[index].latest.columns.personKey)
            }
        }
        if let roster {
            guard problems.isEmpty else {
                let verified = try await summaries()
                return VerifiedReport(
                    report: ComplianceReport(
                        completions: verified.summaries, roster: roster, schoolYear: schoolYear, asOf: asOf),
                    problems: Self.once(checked.unsealed + problems + verified.problems))
            }
            var matched: [String: (person: ComplianceReport.Person, byName: Bool)] = [:]
            var unmatched: [ComplianceReport.Person] = []
            for (rosterMember, byName, person) in people {
                if let employeeKey = rosterMember {
                    matched[employeeKey] = (person, byName)
                } else {
                    unmatched.append(person)
                }
            }
            return VerifiedReport(
                report: ComplianceReport(
                    roster: roster, matched: matched, unmatched: unmatched, schoolYear: schoolYear, asOf: asOf),
                problems: checked.unsealed)
        }
        let rechecked = try await peopleFromVerifiedRecords(of: recheck, schoolYear: schoolYear)
        return VerifiedReport(
            report: ComplianceReport(
                people: people.map(\.person) + rechecked.people, schoolYear: schoolYear, asOf: asOf),
            problems: Self.once(checked.unsealed + problems + rechecked.problems))
    }

    /// A record failing above fails again when its person is rechecked: each is reported once.
    private static func once(_ problems: [StorageError]) -> [StorageError] {
        var reported: Set<String> = []
        return problems.filter { reported.insert($0.description).inserted }
    }

    /// A record the report rests on: the columns it was grouped by, the SHA-256 of its signed
    /// file, and its summary and seal (nil in a row never sealed).
    struct ReportRecord: Sendable {
        var columns: RecordColumns
        /// The digest the row's seal is checked with: the `signed_sha256` column when the row is at
        /// the version its signed file was last hashed at (``RowVersionCheck``), else the SHA-256
        /// of the signed file computed now.
        var digest: Data
        /// The row's version (`xmin`) when its signed file was hashed now: once its seal checks
        /// out, that version is recorded as checked.
        var hashedAtVersion: Int64?
        var summary: String?
        var seal: Data?
        var sealKey: String?
    }

    /// One person, or one roster member, as SQL grouped their records.
    struct GroupedRecords: Sendable {
        /// The roster member's employee key, when the records were matched to one.
        var rosterMember: String?
        var matchedByName: Bool
        var latest: CheckedRecord
        var passing: CheckedRecord?
        var attempts: Int
    }

    /// A record a group rests on (its columns), with its summary once checked, or why it cannot
    /// be counted.
    struct CheckedRecord: Sendable {
        var columns: RecordColumns
        var result: Result<CompletionSummary, StorageError>
    }

    /// The summary of a verified record whose columns agree with it.
    static func summary(_ check: Result<VerifiedRecord, StorageError>?, columns: RecordColumns) -> Result<
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
