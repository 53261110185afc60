import Foundation
import RecordStore

/// A signed record file written with its exact bytes, never over another file: to a temporary
/// file, flushed, then linked to its name (as ``RecordStore`` writes its own records).
public enum SignedRecordFile {
    /// Writes `record` as `<id>.json` in `directory` (created when missing), as its exact
    /// signed bytes; false when that file holds them already. A different file under that
    /// name is refused.
    public static func export(_ record: VerifiedRecord, into directory: URL) throws(StorageError) -> Bool {
        let file = directory.appending(path: "\(record.id).json")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the directory cannot be made")
        }
        if try writeOnce(record.bytes, to: file) { return true }
        guard FileManager.default.contents(atPath: file.path) == record.bytes else {
            throw .conflicting(source: record.location, id: record.id, location: file.path)
        }
        return false
    }

    /// The record files in `directory` (`*.json`, not hidden), sorted by name.
    public static func files(in directory: URL) throws(StorageError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .files(.cannotRead(path: directory.path, reason: "not a readable directory"))
        }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory.appending(path: $0) }
    }

    /// Writes `bytes` to `file` unless it exists; true when it was written. The directory is
    /// created (0700) when missing; the file is its owner's only (0600).
    static func writeOnce(
        _ bytes: Data, to file: URL, operations: any FileOperations = SystemFileOperations()
    ) throws(StorageError) -> Bool {
        let directory = file.deletingLastPathComponent()
        let temporary = directory.appending(path: ".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? operations.unlink(temporary.path) }
        do {
            try operations.makeDirectory(directory.path, mode: 0o700)
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(bytes, to: descriptor)
            try operations.link(temporary.path, as: file.path)
        } catch  where error.alreadyExists && error.path == file.path {
            return false
        } catch {
            throw .cannotWrite(path: file.path, reason: error.description)
        }
        try? operations.syncDirectory(directory.path)
        return true
    }
}
