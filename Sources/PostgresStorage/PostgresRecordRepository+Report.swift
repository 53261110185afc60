import Foundation
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// The compliance report, grouped in SQL as ``ComplianceReport`` groups in Swift: per
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
        let grouped = try await groupedInSQL(schoolYear, withRoster: roster != nil)
        let checked = try await checkedSummaries(
            grouped.flatMap { group in [group.latest] + (group.passing.map { [$0] } ?? []) })
        var people: [(group: GroupedRecords, person: ComplianceReport.Person)] = []
        var problems: [StorageError] = []
        var recheck: [String] = []
        var next = checked.results.makeIterator()
        for group in grouped {
            let latest = next.next() ?? .failure(.database(location: location, reason: "a record went missing"))
            let passing = group.passing.map { _ in
                next.next() ?? .failure(.database(location: location, reason: "a record went missing"))
            }
            switch (latest, passing) {
            case (.success(let latest), nil):
                people.append((group, .init(latest: latest, passing: nil, attempts: group.attempts)))
            case (.success(let latest), .success(let passing)?):
                people.append((group, .init(latest: latest, passing: passing, attempts: group.attempts)))
            case (.failure(let problem), _), (_, .failure(let problem)?):
                problems.append(problem)
                recheck.append(group.latest.columns.personKey)
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
            for (group, person) in people {
                if let employeeKey = group.rosterMember {
                    matched[employeeKey] = (person, group.matchedByName)
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
    /// file as stored, and its summary and seal (nil in a row never sealed).
    struct ReportRecord: Sendable {
        var columns: RecordColumns
        var digest: Data
        var summary: String?
        var seal: Data?
        var sealKey: String?
    }

    /// One person, or one roster member, as SQL grouped their records.
    struct GroupedRecords: Sendable {
        /// The roster member's employee key, when the records were matched to one.
        var rosterMember: String?
        var matchedByName: Bool
        var latest: ReportRecord
        var passing: ReportRecord?
        var attempts: Int
    }

    private func groupedInSQL(_ year: SchoolYear, withRoster: Bool) async throws(StorageError) -> [GroupedRecords] {
        let table = self.table
        let staff = database.quotedSchema + ".staff_members"
        let (start, end) = (year.start.description, year.end.description)
        let grouping =
            withRoster
            ? """
            WITH name_matches AS (
                SELECT roster_name_key, min(employee_key) AS employee_key FROM \(staff)
                GROUP BY roster_name_key HAVING count(*) = 1
            ), until_year_end AS (
                SELECT r.id, r.completed_at, r.utc_offset_seconds, r.completed_on, r.completes_training,
                    CASE WHEN s.employee_key IS NOT NULL THEN 'r:' || s.employee_key
                        WHEN n.employee_key IS NOT NULL THEN 'r:' || n.employee_key
                        ELSE 'p:' || r.person_key END AS group_key,
                    n.employee_key IS NOT NULL AS by_name
                FROM \(table) r
                LEFT JOIN \(staff) s ON r.employee_key <> '' AND s.employee_key = r.employee_key
                LEFT JOIN name_matches n ON r.employee_key = '' AND n.roster_name_key = r.roster_name_key
                WHERE r.completed_on <= $1::date
            )
            """
            : """
            WITH until_year_end AS (
                SELECT id, completed_at, utc_offset_seconds, completed_on, completes_training,
                    'p:' || person_key AS group_key, false AS by_name
                FROM \(table) WHERE completed_on <= $1::date
            )
            """
        // Each record's columns, its seal, and the SHA-256 of its signed file as stored now.
        func columns(of row: String) -> String {
            [
                "id", "sha256(\(row).signed_file)", "summary", "seal", "seal_key", "person_key", "employee_key",
                "roster_name_key", "completed_at", "utc_offset_seconds", "completed_on::text", "completes_training",
            ].map { $0.hasPrefix("sha256") ? $0 : row + "." + $0 }.joined(separator: ", ")
        }
        let sql =
            grouping
                + """
                , groups AS (
                    -- One pass: each group's rows once, its latest and latest passing ids picked in it.
                    SELECT group_key, count(*) FILTER (WHERE completed_on >= $2::date) AS attempts,
                        bool_or(by_name) AS by_name,
                        (array_agg(id ORDER BY completed_at DESC, utc_offset_seconds DESC, id DESC))[1] AS latest,
                        (array_agg(id ORDER BY completed_at DESC, utc_offset_seconds DESC, id DESC)
                            FILTER (WHERE completed_on >= $2::date AND completes_training))[1] AS passing
                    FROM until_year_end GROUP BY group_key
                )
                SELECT groups.group_key, groups.attempts, groups.by_name,
                    \(columns(of: "l")), \(columns(of: "p"))
                FROM groups
                JOIN \(table) l ON l.id = groups.latest
                LEFT JOIN \(table) p ON p.id = groups.passing
                """
        var binds = PostgresBindings()
        binds.append(end)
        binds.append(start)
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await database.run { client in
            var groups: [GroupedRecords] = []
            for try await row in try await client.query(query).decode(
                (
                    String, Int, Bool,
                    UUID, Data, String?, Data?, String?, String, String, String?, Date, Int, String, Bool,
                    UUID?, Data?, String?, Data?, String?, String?, String?, String?, Date?, Int?, String?, Bool?
                ).self)
            {
                let latest = ReportRecord(
                    columns: RecordColumns(
                        id: row.3, personKey: row.8, employeeKey: row.9, rosterNameKey: row.10, completedAt: row.11,
                        utcOffsetSeconds: row.12, completedOn: row.13, completesTraining: row.14),
                    digest: row.4, summary: row.5, seal: row.6, sealKey: row.7)
                var passing: ReportRecord?
                if let id = row.15, let digest = row.16, let personKey = row.20, let employeeKey = row.21,
                    let completedAt = row.23, let offset = row.24, let completedOn = row.25, let completes = row.26
                {
                    passing = ReportRecord(
                        columns: RecordColumns(
                            id: id, personKey: personKey, employeeKey: employeeKey, rosterNameKey: row.22,
                            completedAt: completedAt, utcOffsetSeconds: offset, completedOn: completedOn,
                            completesTraining: completes),
                        digest: digest, summary: row.17, seal: row.18, sealKey: row.19)
                }
                let member = row.0.hasPrefix("r:") ? String(row.0.dropFirst(2)) : nil
                groups.append(
                    GroupedRecords(
                        rosterMember: member, matchedByName: row.2, latest: latest, passing: passing, attempts: row.1))
            }
            return groups
        }
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
