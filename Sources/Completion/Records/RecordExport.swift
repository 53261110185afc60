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

    /// What ``archive(now:)`` made.
    public struct Archive: Sendable {
        /// A tar archive of the record files, in the folder ``folderName``.
        public var bytes: [UInt8]
        public var count: Int
        public var problems: [StorageError]
        /// `csec-records-YYYY-MM-DD`: the folder the archive unpacks to.
        public var folderName: String

        /// The download's file name: the folder's, with `.tar`.
        public var fileName: String { folderName + ".tar" }
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

    /// The same files in one tar archive, in a folder named for the day of `now` in `timeZone`:
    /// `tar -xf` it, then `records import` the folder.
    public func archive(now: Date, timeZone: TimeZone) async throws(StorageError) -> Archive {
        let day = now.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day())
        let folder = "csec-records-\(day)"
        var archive = TarArchive(modified: now)
        let problems = try await records.forEachRecord { record throws(StorageError) in
            archive.add(record.bytes, as: "\(folder)/\(record.id).json")
        }
        return Archive(bytes: archive.bytes, count: archive.fileCount, problems: problems, folderName: folder)
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
