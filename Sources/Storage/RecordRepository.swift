import Foundation
import RecordStore
import Records

/// Where completion records are kept, whatever the backend: the signed record files of the
/// embedded default, or a PostgreSQL database for a county. Records stay signed JSON documents
/// in every backend, and every read verifies them.
///
/// One contract test suite runs against every conformance.
///
/// Its description says where records go, for people: a folder, or a database.
public protocol RecordRepository: Sendable, CustomStringConvertible {
    /// Signs `record` with the installation key and stores it, unless a record with its id is
    /// stored already (an attempt finished again after a crash): then the stored one stands, and
    /// is what comes back, verified.
    func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord
}

/// Where a record was saved, in words for the person who finished it.
public struct SavedRecord: Sendable, Equatable {
    public var id: UUID
    /// The record's file, or the database it went to.
    public var location: String
    /// False when a record with this id was stored already.
    public var isNew: Bool
    /// The stored record as signed (the one stored first, when it was not new).
    public var signed: SignedRecord

    public init(id: UUID, location: String, isNew: Bool, signed: SignedRecord) {
        self.id = id
        self.location = location
        self.isNew = isNew
        self.signed = signed
    }
}
