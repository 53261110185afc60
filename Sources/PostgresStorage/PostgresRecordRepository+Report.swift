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
        // A person's latest record is often their passing one too: each record is checked once.
        var positions: [UUID: Int] = [:]
        var unique: [ReportRecord] = []
        for record in grouped.flatMap({ group in [group.latest] + (group.passing.map { [$0] } ?? []) })
        where positions[record.columns.id] == nil {
            positions[record.columns.id] = unique.count
            unique.append(record)
        }
        let checked = try await checkedSummaries(unique)
        func result(_ record: ReportRecord) -> Result<CompletionSummary, StorageError> {
            positions[record.columns.id].map { checked.results[$0] }
                ?? .failure(.database(location: location, reason: "a record went missing"))
        }
        var people: [(group: GroupedRecords, person: ComplianceReport.Person)] = []
        var problems: [StorageError] = []
        var recheck: [String] = []
        for group in grouped {
            let latest = result(group.latest)
            let passing = group.passing.map(result)
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
        let parts = try await groupIDs(year, withRoster: withRoster)
        let records = try await reportRecords(Array(Set(parts.flatMap { [$0.latest] + ($0.passing.map { [$0] } ?? []) })))
        var groups: [String: GroupedRecords] = [:]
        var keys: [String] = []
        for part in parts {
            guard let latest = records[part.latest] else {
                throw .database(location: location, reason: "record \(part.latest) went missing during the report")
            }
            let passing = part.passing.flatMap { records[$0] }
            guard var group = groups[part.key] else {
                keys.append(part.key)
                groups[part.key] = GroupedRecords(
                    rosterMember: part.key.hasPrefix("r:") ? String(part.key.dropFirst(2)) : nil,
                    matchedByName: part.byName, latest: latest, passing: passing, attempts: part.attempts)
                continue
            }
            group.matchedByName = group.matchedByName || part.byName
            group.attempts += part.attempts
            if Self.isLater(latest, than: group.latest) { group.latest = latest }
            if let passing, group.passing.map({ Self.isLater(passing, than: $0) }) ?? true { group.passing = passing }
            groups[part.key] = group
        }
        return keys.compactMap { groups[$0] }
    }

    /// The report's order (as SQL's `completed_at DESC, utc_offset_seconds DESC, id DESC`).
    private static func isLater(_ record: ReportRecord, than other: ReportRecord) -> Bool {
        let (a, b) = (record.columns, other.columns)
        if a.completedAt != b.completedAt { return a.completedAt > b.completedAt }
        if a.utcOffsetSeconds != b.utcOffsetSeconds { return a.utcOffsetSeconds > b.utcOffsetSeconds }
        return a.id.uuidString.lowercased() > b.id.uuidString.lowercased()
    }

    /// One group as SQL found it: the ids of its latest record and its latest passing one.
    private struct GroupIDs: Sendable {
        var key: String
        var attempts: Int
        var byName: Bool
        var latest: UUID
        var passing: UUID?
    }

    /// The groups in SQL: per person key, employee key and roster key (in the order of the index
    /// `completion_records_for_report`, so without sorting the table), each given the person or
    /// roster member it belongs to. A person or member is usually one of these; ``groupedInSQL``
    /// merges the few that are several (records under two names matched to one member).
    private func groupIDs(_ year: SchoolYear, withRoster: Bool) async throws(StorageError) -> [GroupIDs] {
        let table = self.table
        let staff = database.quotedSchema + ".staff_members"
        let order = "completed_at DESC, utc_offset_seconds DESC, id DESC"
        let grouped =
            withRoster
            ? """
            , name_matches AS (
                SELECT roster_name_key, min(employee_key) AS employee_key FROM \(staff)
                GROUP BY roster_name_key HAVING count(*) = 1
            ), grouped AS (
                SELECT CASE WHEN s.employee_key IS NOT NULL THEN 'r:' || s.employee_key
                        WHEN n.employee_key IS NOT NULL THEN 'r:' || n.employee_key
                        ELSE 'p:' || people.person_key END AS group_key,
                    n.employee_key IS NOT NULL AS by_name, attempts, latest, passing
                FROM people
                LEFT JOIN \(staff) s ON people.employee_key <> '' AND s.employee_key = people.employee_key
                LEFT JOIN name_matches n ON people.employee_key = '' AND n.roster_name_key = people.roster_name_key
            )
            """
            : """
            , grouped AS (
                SELECT 'p:' || person_key AS group_key, false AS by_name, attempts, latest, passing FROM people
            )
            """
        let sql =
            """
            WITH people AS (
                SELECT person_key, employee_key, roster_name_key,
                    count(*) FILTER (WHERE completed_on >= $2::date) AS attempts,
                    (array_agg(id ORDER BY \(order)))[1] AS latest,
                    (array_agg(id ORDER BY \(order)) FILTER (WHERE completed_on >= $2::date AND completes_training))[1]
                        AS passing
                FROM \(table) WHERE completed_on <= $1::date
                GROUP BY person_key, employee_key, roster_name_key
            )
            """ + grouped
                + """
                    SELECT group_key, attempts, by_name, latest, passing FROM grouped
                """
        var binds = PostgresBindings()
        binds.append(year.end.description)
        binds.append(year.start.description)
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                // Compiling this query (JIT) would take longer than running it.
                try await connection.query("SET LOCAL jit = off", logger: RecordDatabase.logger)
                var groups: [GroupIDs] = []
                for try await (key, attempts, byName, latest, passing) in try await connection.query(
                    query, logger: RecordDatabase.logger
                ).decode((String, Int, Bool, UUID, UUID?).self) {
                    groups.append(GroupIDs(key: key, attempts: attempts, byName: byName, latest: latest, passing: passing))
                }
                return groups
            }
        }
    }

    /// The rows `ids`, with the SHA-256 of each signed file as stored now (computed by the
    /// server), fetched in four queries at once.
    private func reportRecords(_ ids: [UUID]) async throws(StorageError) -> [UUID: ReportRecord] {
        let table = self.table
        let parts = 4
        let chunks = (0..<parts).map { part in
            stride(from: part, to: ids.count, by: parts).map { ids[$0].uuidString.lowercased() }
        }
        return try await database.run { client in
            try await withThrowingTaskGroup(of: [UUID: ReportRecord].self) { group in
                for chunk in chunks where !chunk.isEmpty {
                    group.addTask {
                        var found: [UUID: ReportRecord] = [:]
                        let rows = try await client.query(
                            """
                            SELECT id, sha256(signed_file), summary, seal, seal_key, person_key, employee_key,
                                roster_name_key, completed_at, utc_offset_seconds, completed_on::text, completes_training
                            FROM \(unescaped: table) WHERE id = ANY(\(chunk)::uuid[])
                            """)
                        for try await row in rows.decode(
                            (UUID, Data, String?, Data?, String?, String, String, String?, Date, Int, String, Bool).self)
                        {
                            found[row.0] = ReportRecord(
                                columns: RecordColumns(
                                    id: row.0, personKey: row.5, employeeKey: row.6, rosterNameKey: row.7,
                                    completedAt: row.8, utcOffsetSeconds: row.9, completedOn: row.10,
                                    completesTraining: row.11),
                                digest: row.1, summary: row.2, seal: row.3, sealKey: row.4)
                        }
                        return found
                    }
                }
                return try await group.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
            }
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
