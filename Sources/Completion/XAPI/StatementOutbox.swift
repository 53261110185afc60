import Foundation
import RecordStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The statements waiting for one learning record store, kept on disk so that an outage or a
/// crash loses nothing: `pending/<record id>.json` holds a record's statements, frozen as the
/// bytes first queued (written once, flushed, then linked into place, as records are), and
/// `delivered.log` lists, one per line, the records whose statements the LRS accepted, so that
/// a record is never queued again. A sender takes the directory's lock (`.lock`, flock) while it
/// delivers, so two senders never send the same file at once.
public struct StatementOutbox: Sendable {
    public let directory: URL
    private let operations: any FileOperations

    public init(directory: URL, operations: any FileOperations = SystemFileOperations()) {
        self.directory = directory
        self.operations = operations
    }

    /// The outbox for the LRS at `endpoint`: `<data directory>/xapi-outbox/<host>-<port>-<path>`
    /// (`lrs.district.org-xAPI`).
    public static func directory(in dataDirectory: URL, for endpoint: URL) -> URL {
        let path = String(endpoint.path.map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-")
        let name = [endpoint.host ?? "lrs", endpoint.port.map(String.init), path].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: "-")
        return dataDirectory.appending(path: "xapi-outbox").appending(path: name)
    }

    /// One record's queued statements.
    public struct Batch: Sendable, Equatable {
        public var recordID: String
        /// The JSON array, as queued.
        public var statements: Data

        public init(recordID: String, statements: Data) {
            self.recordID = recordID
            self.statements = statements
        }
    }

    var pendingDirectory: URL { directory.appending(path: "pending") }
    var deliveredLog: URL { directory.appending(path: "delivered.log") }

    /// Queues `statements` (a JSON array) for `recordID`; false when that record is queued or
    /// delivered already (its first statements stand). `delivered`, when given, stands for
    /// ``deliveredRecordIDs()``, read once for many records: a record delivered since then is
    /// queued again, and its resent statements (the same ids, the same bytes) store nothing new.
    public func enqueue(
        recordID: String, statements: Data, delivered: Set<String>? = nil
    ) throws(StatementDeliveryError) -> Bool {
        if let delivered {
            if delivered.contains(recordID) { return false }
        } else if try deliveredRecordIDs().contains(recordID) {
            return false
        }
        let file = pendingDirectory.appending(path: "\(recordID).json")
        let temporary = pendingDirectory.appending(path: ".\(recordID).\(UUID().uuidString).tmp")
        defer { try? operations.unlink(temporary.path) }
        try makeDirectory(pendingDirectory)
        do {
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(statements, to: descriptor)
            try operations.link(temporary.path, as: file.path)
        } catch  where error.alreadyExists && error.path == file.path {
            return false
        } catch {
            throw .outbox(path: directory.path, reason: error.description)
        }
        try? operations.syncDirectory(pendingDirectory.path)
        return true
    }

    /// The queued batches, oldest record id first by name (see ``pendingRecordIDs()``).
    public func pending() throws(StatementDeliveryError) -> [Batch] {
        var batches: [Batch] = []
        for recordID in try pendingRecordIDs() { batches.append(try batch(recordID)) }
        return batches
    }

    /// The records whose statements are queued, by name; a file delivered already (a crash
    /// between the log and the removal) is removed, not listed. Only names are read: a delivery
    /// reads each batch as it sends it.
    public func pendingRecordIDs() throws(StatementDeliveryError) -> [String] {
        let delivered = try deliveredRecordIDs()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: pendingDirectory.path)
        } catch {
            if !FileManager.default.fileExists(atPath: pendingDirectory.path) { return [] }
            throw .outbox(path: pendingDirectory.path, reason: "the directory cannot be read")
        }
        var recordIDs: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let recordID = String(name.dropLast(".json".count))
            if delivered.contains(recordID) {
                try? operations.unlink(pendingDirectory.appending(path: name).path)
            } else {
                recordIDs.append(recordID)
            }
        }
        return recordIDs
    }

    /// The queued statements of `recordID`.
    public func batch(_ recordID: String) throws(StatementDeliveryError) -> Batch {
        let file = pendingDirectory.appending(path: "\(recordID).json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .outbox(path: file.path, reason: "the file cannot be read")
        }
        return Batch(recordID: recordID, statements: data)
    }

    /// Notes that the LRS accepted `recordID`'s statements (the log line is flushed first), then
    /// removes its file.
    public func markDelivered(_ recordID: String) throws(StatementDeliveryError) {
        try makeDirectory(directory)
        let descriptor = open(deliveredLog.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .outbox(path: deliveredLog.path, reason: String(cString: strerror(errno))) }
        do {
            try operations.writeFlushAndClose(Data("\(recordID)\n".utf8), to: descriptor)
        } catch {
            throw .outbox(path: deliveredLog.path, reason: error.description)
        }
        try? operations.unlink(pendingDirectory.appending(path: "\(recordID).json").path)
    }

    /// The records whose statements were delivered.
    public func deliveredRecordIDs() throws(StatementDeliveryError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: deliveredLog.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: deliveredLog.path) else {
            throw .outbox(path: deliveredLog.path, reason: "the file cannot be read")
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Runs `body` holding the outbox's lock; throws ``StatementDeliveryError/busy(path:)`` at
    /// once when another sender holds it.
    public func whileLocked<Result: Sendable>(
        _ body: () async throws(StatementDeliveryError) -> Result
    ) async throws(StatementDeliveryError) -> Result {
        try makeDirectory(directory)
        let lockFile = directory.appending(path: ".lock").path
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .outbox(path: lockFile, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw .busy(path: directory.path) }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    /// Makes `folder` and its missing parents, the owner's only.
    private func makeDirectory(_ folder: URL) throws(StatementDeliveryError) {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .outbox(path: folder.path, reason: "the directory cannot be made")
        }
    }
}
