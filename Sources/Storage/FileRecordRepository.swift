import Crypto
import Dispatch
import Foundation
import RecordStore
import Records

/// The embedded default: one signed JSON file per record in the data directory (see
/// ``RecordStore``). Records imported from other machines are kept as their own signed files
/// beside this installation's, and verified with their trusted keys.
public struct FileRecordRepository: RecordRepository {
    public let store: RecordStore
    public let trustedKeys: TrustedKeys

    /// Trusts the installation's key and `others` (for records imported from elsewhere).
    public init(store: RecordStore, trusting others: [Curve25519.Signing.PublicKey] = []) {
        self.store = store
        trustedKeys = TrustedKeys(installation: store.key, others: others)
    }

    public var location: String { store.directory.path }

    public func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord {
        let file = store.file(for: record.id)
        // New only when this call linked the record's name: another writer may link it between
        // a check and the write.
        var isNew = false
        if !FileManager.default.fileExists(atPath: file.path) {
            do {
                _ = try store.save(record)
                isNew = true
            } catch {
                // Another writer linked the record's name first (the name is taken whole, never
                // half-written): the stored one stands.
                guard FileManager.default.fileExists(atPath: file.path) else { throw .files(error) }
            }
        }
        let stored = try await find(record.id.uuidString.lowercased())
        return SavedRecord(id: record.id, location: file.path, isNew: isNew, signed: stored.signed)
    }

    public func find(_ id: String) async throws(StorageError) -> VerifiedRecord {
        let stored: StoredRecord
        do {
            stored = try store.find(id)
        } catch {
            switch error {
            case .noSuchRecord: throw .noSuchRecord(id: id, location: location)
            case .ambiguousID(let prefix, let matches): throw .ambiguousID(prefix: prefix, matches: matches)
            default: throw StorageError(reading: error)
            }
        }
        return try verified(stored.bytes, at: stored.file)
    }

    /// Every record's summary from the store's index, where its line checks out and the file
    /// is still the one the line was taken from; else read from the file and verified.
    public func summaries() async throws(StorageError) -> VerifiedSummaries {
        // Read on a Dispatch thread, not on Swift concurrency's pool: from there the store's
        // `concurrentPerform` spreads the index over every core (from a pool thread it ran on one).
        let (store, trustedKeys) = (store, trustedKeys)
        let found = await withCheckedContinuation { finished in
            DispatchQueue.global().async { finished.resume(returning: store.summaries(trusting: trustedKeys)) }
        }
        return VerifiedSummaries(summaries: found.summaries, problems: found.problems.map(StorageError.init(reading:)))
    }

    /// Every record's answer sheet from the store's answer index, where its line checks out
    /// and the file is still the one the line was taken from; else read from the file and verified.
    public func answerSheets() async throws(StorageError) -> VerifiedAnswerSheets {
        let (store, trustedKeys) = (store, trustedKeys)
        let found = await withCheckedContinuation { finished in
            DispatchQueue.global().async { finished.resume(returning: store.answerSheets(trusting: trustedKeys)) }
        }
        return VerifiedAnswerSheets(sheets: found.sheets, problems: found.problems.map(StorageError.init(reading:)))
    }

    public func importSigned(_ contents: Data, from source: String) async throws(StorageError) -> SavedRecord {
        let incoming = try VerifiedRecord(bytes: contents, location: source, storedAs: nil, trusting: trustedKeys)
        let file = store.file(for: incoming.record.id)
        do {
            try FileManager.default.createDirectory(
                at: store.directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: store.directory.path, reason: "the records directory cannot be made")
        }
        let isNew = try SignedRecordFile.writeOnce(contents, to: file)
        if !isNew, FileManager.default.contents(atPath: file.path) != contents {
            throw .conflicting(source: source, id: incoming.id, location: file.path)
        }
        if isNew { store.logImported(incoming.record, bytes: contents) }
        return SavedRecord(id: incoming.record.id, location: file.path, isNew: isNew, signed: incoming.signed)
    }

    public func forEachRecord(_ body: (VerifiedRecord) async throws(StorageError) -> Void) async throws(StorageError)
        -> [StorageError]
    {
        var problems: [StorageError] = []
        try await forEachVerified { result throws(StorageError) in
            switch result {
            case .success(let record): try await body(record)
            case .failure(let problem): problems.append(problem)
            }
        }
        return problems
    }

    /// Every record file, read and verified in parallel, newest first; then the files that are
    /// not records.
    private func forEachVerified(_ body: (Result<VerifiedRecord, StorageError>) async throws(StorageError) -> Void)
        async throws(StorageError)
    {
        let listing = store.loadAll()
        let candidates = listing.records.map { stored in
            VerifiedRecord.Candidate(
                bytes: stored.bytes, location: stored.file.path,
                storedAs: stored.file.deletingPathExtension().lastPathComponent)
        }
        for result in VerifiedRecord.verifyAll(candidates, trusting: trustedKeys) { try await body(result) }
        for problem in listing.problems { try await body(.failure(StorageError(reading: problem))) }
    }

    private func verified(_ bytes: Data, at file: URL) throws(StorageError) -> VerifiedRecord {
        try VerifiedRecord(
            bytes: bytes, location: file.path, storedAs: file.deletingPathExtension().lastPathComponent, trusting: trustedKeys)
    }
}
