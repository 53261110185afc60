import Dispatch
import Foundation
import RecordStore
import Records
import Synchronization

/// A stored record whose exact bytes were checked against a trusted key: the only way a
/// repository hands out a record.
public struct VerifiedRecord: Sendable {
    public let signed: SignedRecord
    /// The signed file's exact bytes, as stored.
    public let bytes: Data
    /// The file, or the database row, it was read from.
    public let location: String

    public var record: CompletionRecord { signed.record }
    /// What reports need of it, with its verification code.
    public var summary: CompletionSummary {
        CompletionSummary(signed.record, verificationCode: signed.verificationCode)
    }

    /// The record id, lowercase, as in file names.
    public var id: String { signed.record.id.uuidString.lowercased() }

    /// Reads and verifies the signed file `bytes` from `location`. `storedAs` is the id it was
    /// stored under (the file's name, the row's key), if any: a copy of a record under another
    /// id would count twice.
    public init(bytes: Data, location: String, storedAs: String?, trusting keys: TrustedKeys) throws(StorageError) {
        let signed: SignedRecord
        do {
            signed = try SignedRecord.read(bytes, path: location)
        } catch {
            throw StorageError(reading: error)
        }
        let id = signed.record.id.uuidString.lowercased()
        if let storedAs, storedAs.lowercased() != id {
            throw .altered(location: location, reason: "it holds record \(id) under another id (a copy)")
        }
        try keys.verify(signed, bytes: bytes, at: location)
        self.signed = signed
        self.bytes = bytes
        self.location = location
    }
}

extension VerifiedRecord {
    /// A stored signed file to verify: its bytes, where it is, and the id it is stored under.
    public struct Candidate: Sendable {
        public var bytes: Data
        public var location: String
        public var storedAs: String?

        public init(bytes: Data, location: String, storedAs: String?) {
            self.bytes = bytes
            self.location = location
            self.storedAs = storedAs
        }
    }

    /// Verifies `candidates` on every core; the results keep their order.
    public static func verifyAll(_ candidates: [Candidate], trusting keys: TrustedKeys) -> [Result<
        VerifiedRecord, StorageError
    >] {
        let results = Mutex([Result<VerifiedRecord, StorageError>?](repeating: nil, count: candidates.count))
        DispatchQueue.concurrentPerform(iterations: candidates.count) { index in
            let candidate = candidates[index]
            let result = Result { () throws(StorageError) in
                try VerifiedRecord(
                    bytes: candidate.bytes, location: candidate.location, storedAs: candidate.storedAs, trusting: keys)
            }
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0 }.compactMap { $0 }
    }
}
