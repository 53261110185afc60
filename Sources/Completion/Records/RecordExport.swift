import Accounts
import Foundation
import RecordStore
import Storage

/// Every stored record that verifies, as its signed file `<id>.json`, byte for byte as signed
/// (so that `records import` elsewhere verifies it): what `records export` writes into a
/// directory, and what the district server's administrators download as one tar archive of the
/// same files. A record that does not verify is left out and reported. Each export is written
/// to the audit log (``auditEvent(count:leftOut:by:via:at:clientAddress:)``) where the
/// installation keeps one.
public struct RecordExport: Sendable {
    public let records: any RecordRepository

    public init(records: any RecordRepository) {
        self.records = records
    }

    /// Who asked for an export, in the audit log's words.
    public enum Channel: String, Sendable {
        case commandLine = "command line"
        case administratorsArea = "the administrators' area"
    }

    /// What ``write(into:)`` did.
    public struct WrittenFiles: Sendable {
        /// Files written now.
        public var written: Int
        /// Files that were in the directory already, the same bytes.
        public var unchanged: Int
        /// Records left out because they do not verify or cannot be read.
        public var problems: [StorageError]

        /// How many records the directory now holds of this export.
        public var exported: Int { written + unchanged }
    }

    /// What ``archive(now:timeZone:in:)`` made: a tar file on disk, in a directory of its own
    /// that only its owner can open, until ``remove()``.
    public struct Archive: Sendable {
        /// The tar file (0600) of the record files, in the folder ``folderName``.
        public var file: URL
        public var count: Int
        public var problems: [StorageError]
        /// `csec-records-YYYY-MM-DD`: the folder the archive unpacks to.
        public var folderName: String

        /// The download's file name: the folder's, with `.tar`.
        public var fileName: String { folderName + ".tar" }

        /// Deletes the file and its directory (nothing happens when they are gone already).
        public func remove() {
            try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
        }
    }

    /// Writes each record as `<id>.json` into `directory` (made when missing), never over a
    /// different file.
    public func write(into directory: URL) async throws(StorageError) -> WrittenFiles {
        var (written, unchanged) = (0, 0)
        let problems = try await records.forEachRecord { record throws(StorageError) in
            if try SignedRecordFile.export(record, into: directory) { written += 1 } else { unchanged += 1 }
        }
        return WrittenFiles(written: written, unchanged: unchanged, problems: problems)
    }

    /// The same files in one tar archive (ustar), in a folder named for the day of `now` in `timeZone`:
    /// unpack it (`tar -xf`), then `records import` the folder. The archive is written to a new directory in
    /// `temporaryDirectory` (0700, the file 0600, as the record files are) one record at a time,
    /// so that only one record is held in memory at once; the caller sends the file, then calls
    /// ``Archive/remove()``. Nothing is left behind when this throws.
    public func archive(
        now: Date, timeZone: TimeZone, in temporaryDirectory: URL = FileManager.default.temporaryDirectory
    ) async throws(StorageError) -> Archive {
        let day = now.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day())
        let folder = "csec-records-\(day)"
        let directory = temporaryDirectory.appending(path: "csec-records-export-\(UUID().uuidString.lowercased())")
        do {
            try SystemFileOperations().makeDirectory(directory.path, mode: 0o700)
        } catch {
            throw .cannotWrite(path: directory.path, reason: error.description)
        }
        var made = Archive(file: directory.appending(path: folder + ".tar"), count: 0, problems: [], folderName: folder)
        do throws(StorageError) {
            let tar = try TarFile(creating: made.file, modified: now)
            do throws(StorageError) {
                try tar.addFolder(folder)
                made.problems = try await records.forEachRecord { record throws(StorageError) in
                    try tar.add(record.bytes, as: "\(folder)/\(record.id).json")
                    made.count += 1
                }
                try tar.finish()
            } catch {
                tar.abandon()
                throw error
            }
            return made
        } catch {
            made.remove()
            throw error
        }
    }

    /// The audit log's line for an export of `count` records (`leftOut` more did not verify) by
    /// `actor` through `channel`.
    public static func auditEvent(
        count: Int, leftOut: Int = 0, by actor: String, via channel: Channel, at time: Date, clientAddress: String? = nil
    ) -> AuditEvent {
        let left = leftOut == 0 ? "" : ", \(leftOut) left out (they do not verify)"
        return AuditEvent(
            at: time, action: .recordsExported, actor: actor,
            detail: "records export via \(channel.rawValue), \(count) \(count == 1 ? "record" : "records")\(left)",
            clientAddress: clientAddress)
    }
}
