import Foundation
import RecordStore

/// Signed record files brought from other machines or schools into a repository, one by one:
/// each is verified; one refused file never stops the others.
public enum RecordImport {
    /// What became of one file.
    public enum Outcome: Sendable {
        case added(SavedRecord)
        case alreadyStored(SavedRecord)
        case refused(StorageError)
    }

    /// Imports every record file in `directory` into `repository`, in name order.
    public static func files(in directory: URL, into repository: some RecordRepository) async throws(StorageError)
        -> [(file: URL, outcome: Outcome)]
    {
        var outcomes: [(file: URL, outcome: Outcome)] = []
        for file in try SignedRecordFile.files(in: directory) {
            guard let contents = FileManager.default.contents(atPath: file.path) else {
                outcomes.append((file, .refused(.files(.cannotRead(path: file.path, reason: "missing or unreadable")))))
                continue
            }
            do {
                let saved = try await repository.importSigned(contents, from: file.path)
                outcomes.append((file, saved.isNew ? .added(saved) : .alreadyStored(saved)))
            } catch {
                outcomes.append((file, .refused(error)))
            }
        }
        return outcomes
    }
}
