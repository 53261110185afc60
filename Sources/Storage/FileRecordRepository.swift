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

    public func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord {
        let existed = FileManager.default.fileExists(atPath: store.file(for: record.id).path)
        do {
            let file = try store.saveOnce(record)
            return SavedRecord(id: record.id, location: file.path, isNew: !existed)
        } catch {
            throw .files(error)
        }
    }
}
