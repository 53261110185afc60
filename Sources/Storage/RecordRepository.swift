import Foundation
import Records

/// Where completion records are kept, whatever the backend: the signed record files of the
/// embedded default, or a PostgreSQL database for a county. Records stay signed JSON documents
/// in every backend, and every read verifies them.
///
/// One contract test suite runs against every conformance.
public protocol RecordRepository: Sendable {
    /// Signs `record` with the installation key and stores it, unless a record with its id is
    /// stored already (an attempt finished again after a crash): then the stored one stands.
    func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord
}

/// Where a record was saved, in words for the person who finished it.
public struct SavedRecord: Sendable, Equatable {
    public var id: UUID
    /// The record's file, or the database it went to.
    public var location: String
    /// False when a record with this id was stored already.
    public var isNew: Bool

    public init(id: UUID, location: String, isNew: Bool) {
        self.id = id
        self.location = location
        self.isNew = isNew
    }
}
