import Dispatch
import Foundation
import PostgresNIO
import Records
import Storage
import Synchronization

extension PostgresRecordRepository {
    /// What ``checkedSummaries(_:)`` found.
    struct CheckedSummaries {
        /// Per record, in order: its summary, or why it cannot be counted.
        var results: [Result<CompletionSummary, StorageError>]
        /// The rows whose seal did not check out but whose record verified (counted, and reported).
        var unsealed: [StorageError]
    }

    /// The summaries of `records`, each checked by its row's seal, or else by the signature of
    /// its signed file and its columns against the verified record. A row never sealed that
    /// verifies is sealed now.
    func checkedSummaries(_ records: [ReportRecord]) async throws(StorageError) -> CheckedSummaries {
        // Checked on every core, in chunks.
        let chunkSize = 4096
        let checked = Mutex(
            [[Result<CompletionSummary, StorageError>?]](repeating: [], count: (records.count + chunkSize - 1) / chunkSize))
        DispatchQueue.concurrentPerform(iterations: (records.count + chunkSize - 1) / chunkSize) { chunk in
            let found = records[chunk * chunkSize..<min(records.count, (chunk + 1) * chunkSize)].map { record in
                sealedSummary(record).map { Result<CompletionSummary, StorageError>.success($0) }
            }
            checked.withLock { $0[chunk] = found }
        }
        var results = checked.withLock { $0 }.flatMap { $0 }
        // Rows whose signed files were hashed now and matched their seals: checked at this version.
        try await storeVersionChecks(
            zip(records, results).compactMap { record, result in
                guard result != nil, let version = record.hashedAtVersion else { return nil }
                return (record.columns.id, version)
            })
        let unchecked = results.indices.filter { results[$0] == nil }
        guard !unchecked.isEmpty else { return CheckedSummaries(results: results.compactMap { $0 }, unsealed: []) }

        let stored = try await signedFiles(of: unchecked.map { records[$0].columns.id })
        let found = unchecked.compactMap { index in stored[records[index].columns.id].map { (index, $0) } }
        var checks: [Int: Result<VerifiedRecord, StorageError>] = [:]
        for (check, (index, _)) in zip(verifiedInParallel(found.map { (records[$0.0].columns.id, $0.1) }), found) {
            checks[index] = check
        }
        var unsealed: [StorageError] = []
        var toSeal: [Row] = []
        for index in unchecked {
            let record = records[index]
            let result = Self.summary(checks[index], columns: record.columns)
            if case .success = result, case .success(let verified)? = checks[index] {
                if record.seal == nil {
                    toSeal.append(try row(verified.signed, bytes: verified.bytes))
                } else {
                    unsealed.append(
                        .altered(
                            location: verified.location,
                            reason:
                                "its seal does not check out (the row was written or changed without this installation's key);"
                                + " its signature verifies, so it is counted"))
                }
            }
            results[index] = result
        }
        try await storeSeals(toSeal)
        return CheckedSummaries(results: results.compactMap { $0 }, unsealed: unsealed)
    }

    /// The summary of `record` when its row's seal checks out.
    private func sealedSummary(_ record: ReportRecord) -> CompletionSummary? {
        guard record.sealKey == seal.keyID, let rowSeal = record.seal, let text = record.summary,
            seal.checks(rowSeal, digest: record.digest, columns: record.columns, summary: text),
            let summary = SummaryText.summary(in: text), summary.id == record.columns.id.lowercasedText
        else { return nil }
        return summary
    }

    /// The signed files of the rows `ids`, by id.
    private func signedFiles(of ids: [UUID]) async throws(StorageError) -> [UUID: Data] {
        let table = self.table
        let keys = ids.map { $0.lowercasedText }
        return try await database.run { client in
            var found: [UUID: Data] = [:]
            let rows = try await client.query(
                "SELECT id, signed_file FROM \(unescaped: table) WHERE id = ANY(\(keys)::uuid[])")
            for try await (id, bytes) in rows.decode((UUID, Data).self) { found[id] = bytes }
            return found
        }
    }

    /// Seals rows never sealed (from before migration 3), now that their records verified.
    private func storeSeals(_ rows: [Row]) async throws(StorageError) {
        guard !rows.isEmpty else { return }
        let table = self.table
        let ids = rows.map { $0.columns.id.lowercasedText }
        let digests = rows.map { $0.digest.base64EncodedString() }
        let summaries = rows.map(\.summary)
        let seals = rows.map { $0.seal.base64EncodedString() }
        let keyID = seal.keyID
        try await database.run { client in
            _ = try await client.query(
                """
                UPDATE \(unescaped: table) r SET signed_sha256 = decode(u.digest, 'base64'), summary = u.summary,
                    seal = decode(u.seal, 'base64'), seal_key = \(keyID)
                FROM unnest(\(ids)::uuid[], \(digests)::text[], \(summaries)::text[], \(seals)::text[])
                    AS u(id, digest, summary, seal)
                WHERE r.id = u.id AND r.seal IS NULL
                """)
        }
    }
}
