import Crypto
import Foundation
import Records

extension RecordStore {
    /// Every record checked, as `records verify --all` shows it: each file against its
    /// signature, and the whole store against the records log, so that a record deleted
    /// (MISSING), replaced or edited, and a log line edited or removed, are each reported.
    public func audit() -> RecordAudit {
        Self.audit(in: directory, trusting: TrustedKeys(installationKey: key)) { stored throws(RecordStoreError) in
            try verify(stored)
        }
    }

    /// The audit of the records directory `directory` (copied from another machine, say) with
    /// the public keys `keys`: the records and the records log must be signed by one of them.
    public static func audit(in directory: URL, trusting keys: TrustedKeys) -> RecordAudit {
        audit(in: directory, trusting: keys) { stored throws(RecordStoreError) in try verify(stored, trusting: keys) }
    }

    private static func audit(
        in directory: URL, trusting keys: TrustedKeys,
        verify: @escaping @Sendable (StoredRecord) throws(RecordStoreError) -> Void
    ) -> RecordAudit {
        let listing = loadAll(in: directory)
        let chain = RecordChain(directory: directory)
        let log = chain.audit(trusting: keys.publicKeys)
        var audit = RecordAudit(
            logFile: chain.file.path, logExists: log.exists, logEntryCount: log.count, logHead: log.head)
        audit.problems = listing.problems
        let present = Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let checked = ParallelMap.map(listing.records) { stored in
            Result { () throws(RecordStoreError) in try verify(stored) }
        }
        for (stored, result) in zip(listing.records, checked) {
            if case .failure(let problem) = result {
                audit.problems.append(problem)
                continue
            }
            let id = stored.record.id.uuidString.lowercased()
            guard let logged = log.entries[id] else {
                audit.verified.append(stored)
                audit.notLogged.append(stored)
                continue
            }
            guard logged.entry.contentHash == SHA256.hash(data: stored.bytes).hexDigits else {
                audit.problems.append(
                    .altered(
                        path: stored.file.path,
                        reason: "its bytes are not those the records log holds for it (line \(logged.line)): "
                            + "the file was replaced by another signed record"))
                continue
            }
            audit.verified.append(stored)
        }
        let missing = log.entries.filter { !present.contains($0.key) }.sorted { $0.value.line < $1.value.line }
        audit.problems += missing.map {
            .missing(path: directory.appending(path: "\($0.key).json").path, log: chain.file.path, line: $0.value.line)
        }
        audit.problems += log.problems.map { .logAltered(path: chain.file.path, line: $0.line, reason: $0.reason) }
        return audit
    }
}

/// What ``RecordStore/audit()`` found.
public struct RecordAudit: Sendable {
    /// The records that verify (signature, file name, and the records log where it names them).
    public var verified: [StoredRecord] = []
    /// Verified records that no line of the records log names: written before the log was kept,
    /// copied in from elsewhere, or a crash between writing the record and its log line.
    public var notLogged: [StoredRecord] = []
    /// Every record that failed, every record the log names whose file is gone, and every log
    /// line that does not check out.
    public var problems: [RecordStoreError] = []
    /// The records log, whether it exists, its number of entries, and the SHA-256 of its last
    /// line: note them down elsewhere to find later whether lines were cut from its end.
    public var logFile: String
    public var logExists: Bool
    public var logEntryCount: Int
    public var logHead: String?
}
