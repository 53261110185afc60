import Crypto
import Dispatch
import Foundation
import PostgresNIO
import RecordStore
import Records
import Storage
import Synchronization

/// Completion records in a PostgreSQL database, for a county office or a large district: each
/// row keeps the record's exact signed file (`bytea`), a `jsonb` copy of the record, its key id
/// and signature, and the columns the report needs (see ``Migration``). Every read verifies the
/// signed file against the trusted keys; the columns are never trusted alone.
public struct PostgresRecordRepository: RecordRepository {
    public let database: RecordDatabase
    /// The installation key that signs what ``saveOnce(_:)`` stores.
    public let key: InstallationKey
    public let trustedKeys: TrustedKeys
    /// Seals the rows it writes, and checks the seals the report relies on.
    let seal: RowSeal
    /// Records which row versions had their signed files hashed, so a report hashes only the rest.
    let versionCheck: RowVersionCheck

    /// The records of `database`, which must be migrated to this csec-trainer's schema version.
    public static func open(
        _ database: RecordDatabase, key: InstallationKey, trusting others: [Curve25519.Signing.PublicKey] = []
    ) async throws(StorageError) -> PostgresRecordRepository {
        try await database.requireCurrentSchema()
        return PostgresRecordRepository(
            database: database, key: key, trustedKeys: TrustedKeys(installation: key, others: others),
            seal: RowSeal(key: key), versionCheck: RowVersionCheck(key: key))
    }

    public var location: String { database.location }

    var table: String { database.quotedSchema + ".completion_records" }

    public func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord {
        let signed: SignedRecord
        let bytes: Data
        do {
            signed = try SignedRecord(signing: record, with: key)
            bytes = try signed.fileContents()
        } catch {
            throw .cannotWrite(path: location, reason: "the record could not be signed: \(error)")
        }
        guard try await insert(signed, bytes: bytes) else {
            // Stored already (an attempt finished again): the stored one stands.
            let stored = try await find(record.id.lowercasedText)
            return SavedRecord(id: record.id, location: location, isNew: false, signed: stored.signed)
        }
        return SavedRecord(id: record.id, location: location, isNew: true, signed: signed)
    }

    public func find(_ id: String) async throws(StorageError) -> VerifiedRecord {
        let prefix = id.lowercased()
        guard !prefix.isEmpty, prefix.utf8.allSatisfy({ Self.idCharacters.contains($0) }) else {
            throw .noSuchRecord(id: id, location: location)
        }
        let table = self.table
        let found = try await database.run { client in
            let rows: PostgresRowSequence
            if let exact = UUID(uuidString: prefix) {
                rows = try await client.query("SELECT id, signed_file FROM \(unescaped: table) WHERE id = \(exact)")
            } else {
                rows = try await client.query(
                    "SELECT id, signed_file FROM \(unescaped: table) WHERE id::text LIKE \(prefix + "%") ORDER BY id LIMIT 4")
            }
            var found: [(UUID, Data)] = []
            for try await row in rows.decode((UUID, Data).self) { found.append(row) }
            return found
        }
        guard let first = found.first else { throw .noSuchRecord(id: id, location: location) }
        guard found.count == 1 else {
            throw .ambiguousID(prefix: id, matches: found.map { $0.0.lowercasedText })
        }
        return try verified(first.1, storedAs: first.0)
    }

    public func summaries() async throws(StorageError) -> VerifiedSummaries {
        let table = self.table
        let rows = try await database.run { client in
            var rows: [(UUID, Data)] = []
            for try await row in try await client.query("SELECT id, signed_file FROM \(unescaped: table)").decode(
                (UUID, Data).self)
            {
                rows.append(row)
            }
            return rows
        }
        var found = VerifiedSummaries(summaries: [], problems: [])
        for result in verifiedInParallel(rows) {
            switch result {
            case .success(let record): found.summaries.append(record.summary)
            case .failure(let problem): found.problems.append(problem)
            }
        }
        return found
    }

    /// That person's rows only (the table is indexed by person key), each verified.
    public func records(of person: Trainee) async throws(StorageError) -> [VerifiedRecord] {
        let (table, key) = (self.table, PersonKey(person).value)
        let rows = try await database.run { client in
            var rows: [(UUID, Data)] = []
            for try await row in try await client.query(
                "SELECT id, signed_file FROM \(unescaped: table) WHERE person_key = \(key)"
            ).decode((UUID, Data).self) {
                rows.append(row)
            }
            return rows
        }
        return verifiedInParallel(rows).compactMap { try? $0.get() }
    }

    public func importSigned(_ contents: Data, from source: String) async throws(StorageError) -> SavedRecord {
        let incoming = try VerifiedRecord(bytes: contents, location: source, storedAs: nil, trusting: trustedKeys)
        if try await insert(incoming.signed, bytes: contents) {
            return SavedRecord(id: incoming.record.id, location: location, isNew: true, signed: incoming.signed)
        }
        let table = self.table
        let id = incoming.record.id
        let stored = try await database.run { client in
            try await client.query("SELECT signed_file FROM \(unescaped: table) WHERE id = \(id)").decode(Data.self)
                .first { _ in true }
        }
        guard stored == contents else {
            throw .conflicting(source: source, id: incoming.id, location: rowLocation(incoming.id))
        }
        return SavedRecord(id: id, location: location, isNew: false, signed: incoming.signed)
    }

    public func forEachRecord(_ body: (VerifiedRecord) async throws(StorageError) -> Void) async throws(StorageError)
        -> [StorageError]
    {
        let table = self.table
        return try await database.run { client in
            var problems: [StorageError] = []
            let rows = try await client.query("SELECT id, signed_file FROM \(unescaped: table) ORDER BY id")
            for try await (id, bytes) in rows.decode((UUID, Data).self) {
                switch Result(catching: { () throws(StorageError) in try verified(bytes, storedAs: id) }) {
                case .success(let record): try await body(record)
                case .failure(let problem): problems.append(problem)
                }
            }
            return problems
        }
    }

    /// Inserts the signed record unless its id is stored; true when it was inserted.
    private func insert(_ signed: SignedRecord, bytes: Data) async throws(StorageError) -> Bool {
        try await insert([try row(signed, bytes: bytes)]) == 1
    }

    /// What a row holds: the signed file, the columns derived from its record, and its seal.
    struct Row: Sendable {
        var columns: RecordColumns
        var bytes: Data
        var json: String
        var keyID: String
        var signature: String
        var digest: Data
        var summary: String
        var seal: Data
    }

    /// The row of `signed`, whose exact bytes are `bytes`, signed here or verified: sealed.
    func row(_ signed: SignedRecord, bytes: Data) throws(StorageError) -> Row {
        let columns = RecordColumns(signed.record)
        let json: String
        do {
            json = try RecordColumns.json(signed.record)
        } catch {
            throw .cannotWrite(path: location, reason: "the record could not be written as JSON: \(error)")
        }
        let digest = Data(SHA256.hash(data: bytes))
        let summary = SummaryText.text(of: CompletionSummary(signed.record, verificationCode: signed.verificationCode))
        return Row(
            columns: columns, bytes: bytes, json: json, keyID: signed.signature.keyID, signature: signed.signature.value,
            digest: digest, summary: summary, seal: seal.seal(digest: digest, columns: columns, summary: summary))
    }

    /// Inserts the rows whose ids are not stored, in one statement; returns how many it inserted.
    func insert(_ rows: [Row]) async throws(StorageError) -> Int {
        guard !rows.isEmpty else { return 0 }
        var binds = PostgresBindings(capacity: rows.count * 16)
        var values: [String] = []
        for row in rows {
            let first = binds.count + 1
            let columns = row.columns
            binds.append(columns.id)
            try bind(row.bytes, to: &binds)
            binds.append(row.json)
            binds.append(row.keyID)
            binds.append(row.signature)
            binds.append(columns.personKey)
            binds.append(columns.employeeKey)
            binds.append(columns.rosterNameKey)
            binds.append(columns.completedAt)
            binds.append(columns.utcOffsetSeconds)
            binds.append(columns.completedOn)
            binds.append(columns.completesTraining)
            try bind(row.digest, to: &binds)
            binds.append(row.summary)
            try bind(row.seal, to: &binds)
            binds.append(seal.keyID)
            let placeholders = (first..<first + 16).map { number in
                "$\(number)" + (number == first + 2 ? "::jsonb" : number == first + 10 ? "::date" : "")
            }
            values.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let query = PostgresQuery(
            unsafeSQL: """
                INSERT INTO \(table) (id, signed_file, record, key_id, signature, person_key, employee_key,
                    roster_name_key, completed_at, utc_offset_seconds, completed_on, completes_training,
                    signed_sha256, summary, seal, seal_key)
                VALUES \(values.joined(separator: ",\n"))
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """, binds: binds)
        return try await database.run { client in
            var inserted = 0
            for try await _ in try await client.query(query).decode(UUID.self) { inserted += 1 }
            return inserted
        }
    }

    private func bind(_ bytes: Data, to binds: inout PostgresBindings) throws(StorageError) {
        do {
            try binds.append(bytes)
        } catch {
            throw .cannotWrite(path: location, reason: "the row could not be prepared: \(error)")
        }
    }

    /// Signs and stores `records` (those whose ids are not stored), in statements of a thousand
    /// rows, signing on every core: for loading many records at once. Returns how many were new.
    public func saveAll(_ records: [CompletionRecord]) async throws(StorageError) -> Int {
        var inserted = 0
        for start in stride(from: 0, to: records.count, by: 1000) {
            let batch = Array(records[start..<min(start + 1000, records.count)])
            let rows = Mutex([Result<Row, StorageError>?](repeating: nil, count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let result = Result { () throws(StorageError) -> Row in
                    do {
                        let signed = try SignedRecord(signing: batch[index], with: key)
                        return try row(signed, bytes: try signed.fileContents())
                    } catch let error as StorageError {
                        throw error
                    } catch {
                        throw .cannotWrite(path: location, reason: "the record could not be signed: \(error)")
                    }
                }
                rows.withLock { $0[index] = result }
            }
            var signed: [Row] = []
            for result in rows.withLock({ $0 }) {
                guard let result else { throw .cannotWrite(path: location, reason: "a record was not signed") }
                signed.append(try result.get())
            }
            inserted += try await insert(signed)
        }
        return inserted
    }

    /// Where a row is, for messages.
    func rowLocation(_ id: String) -> String {
        "\(location), record \(id)"
    }

    func verified(_ bytes: Data, storedAs id: UUID) throws(StorageError) -> VerifiedRecord {
        let id = id.lowercasedText
        return try VerifiedRecord(bytes: bytes, location: rowLocation(id), storedAs: id, trusting: trustedKeys)
    }

    /// Verifies `rows` on every core; the results keep the rows' order.
    func verifiedInParallel(_ rows: [(UUID, Data)]) -> [Result<VerifiedRecord, StorageError>] {
        VerifiedRecord.verifyAll(
            rows.map { id, bytes in
                let id = id.lowercasedText
                return VerifiedRecord.Candidate(bytes: bytes, location: rowLocation(id), storedAs: id)
            }, trusting: trustedKeys)
    }

    private static let idCharacters = Set("0123456789abcdef-".utf8)
}
