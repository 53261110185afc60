import Foundation
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// What the report rests on: the groups SQL made (each person, or each roster member), each
    /// with the records it rests on checked.
    struct CheckedGroups: Sendable {
        var groups: [GroupedRecords]
        /// The rows whose seal did not check out but whose record verified (counted, and reported).
        var unsealed: [StorageError]
        /// The people whose rows in `report_people` named a record that is not theirs, or not
        /// from the year, or not passing where they named a passing one (none from the records).
        var disagreeing: Int
    }

    /// Groups the records in SQL and checks the ones the groups rest on, as a pipeline: the
    /// grouping query streams its groups in batches, and each batch's rows are fetched and
    /// checked while the grouping goes on, so the server's grouping, the fetching and the
    /// checks overlap on every core. Each batch turns its part of the groups into checked groups
    /// of its own; only a person or member in several parts (records under two names matched to
    /// one member) is merged at the end.
    func checkedGroups(_ year: SchoolYear, withRoster: Bool, from source: ReportSource) async throws(StorageError)
        -> CheckedGroups
    {
        let (batches, sink) = AsyncStream.makeStream(of: [GroupIDs].self)
        let checked: [CheckedBatch]
        do {
            checked = try await withThrowingTaskGroup(of: CheckedBatch?.self) { group in
                group.addTask {
                    defer { sink.finish() }
                    try await self.groupIDs(year, withRoster: withRoster, from: source) { sink.yield($0) }
                    return nil
                }
                for await batch in batches {
                    group.addTask { try await self.checkedBatch(batch, year: year) }
                }
                var checked: [CheckedBatch] = []
                for try await batch in group { if let batch { checked.append(batch) } }
                return checked
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(location: location, reason: RecordDatabase.reason(error))
        }
        return CheckedGroups(
            groups: Self.merged(checked.flatMap(\.groups)), unsealed: checked.flatMap(\.unsealed),
            disagreeing: checked.map(\.disagreeing).reduce(0, +))
    }

    /// One batch of groups, with their records fetched and checked.
    private struct CheckedBatch: Sendable {
        var groups: [(key: String, group: GroupedRecords)]
        var unsealed: [StorageError]
        var disagreeing = 0
    }

    private func checkedBatch(_ parts: [GroupIDs], year: SchoolYear) async throws(StorageError) -> CheckedBatch {
        // A person's latest record is often their passing one too: each record is fetched and
        // checked once.
        var ids: [UUID] = []
        var seen: Set<UUID> = []
        ids.reserveCapacity(parts.count * 2)
        seen.reserveCapacity(parts.count * 2)
        for part in parts {
            if seen.insert(part.latest).inserted { ids.append(part.latest) }
            if let passing = part.passing, seen.insert(passing).inserted { ids.append(passing) }
        }
        let records = try await reportRecords(ids)
        let unique = ids.compactMap { records[$0] }
        let checked = try await checkedSummaries(unique)
        var results: [UUID: Result<CompletionSummary, StorageError>] = [:]
        results.reserveCapacity(unique.count)
        for (record, result) in zip(unique, checked.results) { results[record.columns.id] = result }
        func checkedRecord(_ id: UUID) throws(StorageError) -> CheckedRecord {
            guard let record = records[id], let result = results[id] else {
                throw .database(location: location, reason: "record \(id) went missing during the report")
            }
            return CheckedRecord(columns: record.columns, result: result)
        }
        var groups: [(key: String, group: GroupedRecords)] = []
        groups.reserveCapacity(parts.count)
        var disagreeing = 0
        for part in parts {
            guard Self.agrees(part, with: records, in: year) else {
                disagreeing += 1
                continue
            }
            let group = GroupedRecords(
                rosterMember: part.key.hasPrefix("r:") ? String(part.key.dropFirst(2)) : nil,
                matchedByName: part.byName, latest: try checkedRecord(part.latest),
                passing: try part.passing.map { id throws(StorageError) in try checkedRecord(id) }, attempts: part.attempts)
            groups.append((part.key, group))
        }
        return CheckedBatch(groups: groups, unsealed: checked.unsealed, disagreeing: disagreeing)
    }

    /// Whether the records `part` names are that person's, until the year's end, and its passing
    /// one from the year and passing: always so when SQL grouped the records themselves, and
    /// what shows a row of `report_people` that was changed by hand.
    private static func agrees(_ part: GroupIDs, with records: [UUID: ReportRecord], in year: SchoolYear) -> Bool {
        guard let latest = records[part.latest]?.columns, part.person.owns(latest, until: year.end) else { return false }
        guard let passingID = part.passing else { return true }
        guard let passing = records[passingID]?.columns else { return false }
        return part.person.owns(passing, until: year.end) && passing.completesTraining
            && passing.completedOn >= year.start.description
    }

    /// The groups of `parts`: a person or member is usually one part; the few that are several
    /// are merged (their attempts added, the latest of their latest and passing records kept).
    private static func merged(_ parts: [(key: String, group: GroupedRecords)]) -> [GroupedRecords] {
        var position: [String: Int] = [:]
        position.reserveCapacity(parts.count)
        var groups: [GroupedRecords] = []
        groups.reserveCapacity(parts.count)
        for (key, part) in parts {
            guard let index = position[key] else {
                position[key] = groups.count
                groups.append(part)
                continue
            }
            groups[index].matchedByName = groups[index].matchedByName || part.matchedByName
            groups[index].attempts += part.attempts
            if isLater(part.latest.columns, than: groups[index].latest.columns) { groups[index].latest = part.latest }
            if let passing = part.passing,
                groups[index].passing.map({ isLater(passing.columns, than: $0.columns) }) ?? true
            {
                groups[index].passing = passing
            }
        }
        return groups
    }

    /// The report's order (as SQL's `completed_at DESC, utc_offset_seconds DESC, id DESC`).
    private static func isLater(_ a: RecordColumns, than b: RecordColumns) -> Bool {
        if a.completedAt != b.completedAt { return a.completedAt > b.completedAt }
        if a.utcOffsetSeconds != b.utcOffsetSeconds { return a.utcOffsetSeconds > b.utcOffsetSeconds }
        return a.id.lowercasedText > b.id.lowercasedText
    }

    /// One group as SQL found it: the person's columns, and the ids of its latest record and its
    /// latest passing one.
    private struct GroupIDs: Sendable {
        var key: String
        var person: PersonColumns
        var attempts: Int
        var byName: Bool
        var latest: UUID
        var passing: UUID?
    }

    /// The report's three person columns.
    struct PersonColumns: Sendable {
        var personKey: String
        var employeeKey: String
        var rosterNameKey: String?

        /// Whether `record` is this person's, until `end`.
        func owns(_ record: RecordColumns, until end: CalendarDate) -> Bool {
            record.personKey == personKey && record.employeeKey == employeeKey && record.rosterNameKey == rosterNameKey
                && record.completedOn <= end.description
        }
    }

    /// The groups in SQL: per person key, employee key and roster key, each given the person or
    /// roster member it belongs to. A person or member is usually one of these; ``merged(_:)``
    /// merges the few that are several (records under two names matched to one member).
    /// Each batch of `batchSize` groups is given to `batch` as it arrives, and kept no longer.
    private func groupIDs(
        _ year: SchoolYear, withRoster: Bool, from source: ReportSource, batchSize: Int = 2_000,
        batch: @escaping @Sendable ([GroupIDs]) -> Void
    ) async throws(StorageError) {
        let staff = database.quotedSchema + ".staff_members"
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
                    people.person_key, people.employee_key, people.roster_name_key,
                    n.employee_key IS NOT NULL AS by_name, attempts, latest, passing
                FROM people
                LEFT JOIN \(staff) s ON people.employee_key <> '' AND s.employee_key = people.employee_key
                LEFT JOIN name_matches n ON people.employee_key = '' AND n.roster_name_key = people.roster_name_key
            )
            """
            : """
            , grouped AS (
                SELECT 'p:' || person_key AS group_key, person_key, employee_key, roster_name_key, false AS by_name,
                    attempts, latest, passing
                FROM people
            )
            """
        let (people, binds) = peopleQuery(year, from: source)
        let query = PostgresQuery(
            unsafeSQL: people + grouped
                + """
                    SELECT group_key, person_key, employee_key, roster_name_key, attempts, by_name, latest, passing
                    FROM grouped
                """, binds: binds)
        return try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                // Compiling this query (JIT) would take longer than running it.
                try await connection.query("SET LOCAL jit = off", logger: RecordDatabase.logger)
                var groups: [GroupIDs] = []
                groups.reserveCapacity(batchSize)
                for try await (key, personKey, employeeKey, rosterNameKey, attempts, byName, latest, passing)
                    in try await connection.query(query, logger: RecordDatabase.logger).decode(
                        (String, String, String, String?, Int, Bool, UUID, UUID?).self)
                {
                    groups.append(
                        GroupIDs(
                            key: key,
                            person: PersonColumns(
                                personKey: personKey, employeeKey: employeeKey, rosterNameKey: rosterNameKey),
                            attempts: attempts, byName: byName, latest: latest, passing: passing))
                    if groups.count == batchSize {
                        batch(groups)
                        groups.removeAll(keepingCapacity: true)
                    }
                }
                if !groups.isEmpty { batch(groups) }
            }
        }
    }

    /// `WITH people AS (…)`: per person, the attempts in the year, the latest record until the
    /// year's end and the latest passing one in the year; from `report_people`, or by grouping
    /// the records (in the order of the index `completion_records_for_report`, so without
    /// sorting the table).
    private func peopleQuery(_ year: SchoolYear, from source: ReportSource) -> (String, PostgresBindings) {
        var binds = PostgresBindings()
        switch source {
        case .reportPeople:
            binds.append(year.start.description)
            return (
                """
                WITH people AS (
                    SELECT DISTINCT ON (person_key, employee_key, roster_name_key) person_key, employee_key,
                        roster_name_key, CASE WHEN year_start = $1::date THEN attempts ELSE 0 END AS attempts,
                        latest_id AS latest, CASE WHEN year_start = $1::date THEN passing_id END AS passing
                    FROM \(database.quotedSchema).report_people WHERE year_start <= $1::date
                    ORDER BY person_key, employee_key, roster_name_key, year_start DESC
                )
                """, binds
            )
        case .records:
            binds.append(year.end.description)
            binds.append(year.start.description)
            let order = ReportPeople.order
            return (
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
                """, binds
            )
        }
    }

    /// The rows `ids`, each with the digest its seal is checked
    /// with: the stored one for a row still at the version whose signed file was hashed last
    /// (``RowVersionCheck``), else the SHA-256 of its signed file as stored now, computed by the
    /// server for those rows alone.
    func reportRecords(_ ids: [UUID]) async throws(StorageError) -> [UUID: ReportRecord] {
        let table = self.table
        let checks = database.quotedSchema + ".record_checks"
        let versionCheck = self.versionCheck
        var found = try await database.run { client in
            var found: [UUID: ReportRecord] = [:]
            var unchecked: [UUID] = []
            let rows = try await client.query(
                """
                SELECT r.id, r.xmin::text::bigint, c.row_version, c.mac, r.signed_sha256, r.summary, r.seal, r.seal_key,
                    r.person_key, r.employee_key, r.roster_name_key, r.completed_at, r.utc_offset_seconds,
                    r.completed_on::text, r.completes_training
                FROM \(unescaped: table) r LEFT JOIN \(unescaped: checks) c ON c.id = r.id
                WHERE r.id = ANY(\(ids))
                """)
            for try await row in rows.decode(
                (
                    UUID, Int64, Int64?, Data?, Data?, String?, Data?, String?, String, String, String?, Date, Int, String,
                    Bool
                ).self)
            {
                let (id, version, checkedVersion, mac, storedDigest) = (row.0, row.1, row.2, row.3, row.4)
                let isChecked =
                    checkedVersion == version && mac.map { versionCheck.holds($0, id: id, version: version) } == true
                if !isChecked { unchecked.append(id) }
                found[id] = ReportRecord(
                    columns: RecordColumns(
                        id: id, personKey: row.8, employeeKey: row.9, rosterNameKey: row.10, completedAt: row.11,
                        utcOffsetSeconds: row.12, completedOn: row.13, completesTraining: row.14),
                    digest: isChecked ? storedDigest ?? Data() : Data(), hashedAtVersion: nil, summary: row.5,
                    seal: row.6, sealKey: row.7)
            }
            guard !unchecked.isEmpty else { return found }
            let hashed = try await client.query(
                "SELECT id, xmin::text::bigint, sha256(signed_file) FROM \(unescaped: table) WHERE id = ANY(\(unchecked))")
            for try await (id, version, digest) in hashed.decode((UUID, Int64, Data).self) {
                found[id]?.digest = digest
                found[id]?.hashedAtVersion = version
            }
            return found
        }
        // A row gone between the two queries has no digest: its seal cannot check out.
        for (id, record) in found where record.digest.isEmpty { found[id]?.hashedAtVersion = nil }
        return found
    }

    /// Records that the rows were checked at the versions their signed files were hashed at.
    func storeVersionChecks(_ checked: [(id: UUID, version: Int64)]) async throws(StorageError) {
        guard !checked.isEmpty else { return }
        let checks = database.quotedSchema + ".record_checks"
        let ids = checked.map { $0.id.lowercasedText }
        let versions = checked.map(\.version)
        let macs = checked.map { versionCheck.mac(id: $0.id, version: $0.version).base64EncodedString() }
        let table = self.table
        try await database.run { client in
            _ = try await client.query(
                """
                INSERT INTO \(unescaped: checks) (id, row_version, mac)
                SELECT u.id, u.version, decode(u.mac, 'base64')
                FROM unnest(\(ids)::uuid[], \(versions)::bigint[], \(macs)::text[]) AS u(id, version, mac)
                WHERE EXISTS (SELECT 1 FROM \(unescaped: table) r WHERE r.id = u.id)
                ON CONFLICT (id) DO UPDATE SET row_version = excluded.row_version, mac = excluded.mac
                """)
        }
    }
}
