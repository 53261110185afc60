import Foundation
import RecordStore
import Storage

/// A data directory of its own for one test, with an installation key and the signed record
/// files as the record repository.
struct TemporaryData {
    let url: URL
    let store: RecordStore

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "xapi-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        store = RecordStore(dataDirectory: url, key: try InstallationKey.loadOrCreate(in: url, now: Date()))
    }

    var records: FileRecordRepository { FileRecordRepository(store: store) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
