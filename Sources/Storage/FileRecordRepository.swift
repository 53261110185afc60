import Foundation
import RecordStore
import Records

/// The embedded default: one signed JSON file per record in the data directory (see
/// ``RecordStore``).
public struct FileRecordRepository: RecordRepository {
    public let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    public var description: String { store.directory.path }

    public func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord {
        let existed = FileManager.default.fileExists(atPath: store.file(for: record.id).path)
        do {
            let file = try store.saveOnce(record)
            let stored = try store.find(record.id.uuidString.lowercased())
            try store.verify(stored)
            return SavedRecord(id: record.id, location: file.path, isNew: !existed, signed: stored.signed)
        } catch {
            throw .files(error)
        }
    }
}
