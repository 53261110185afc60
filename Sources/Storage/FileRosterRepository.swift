import Foundation
import RecordStore
import Records

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded default: the roster in one JSON file in the data directory (see
/// ``RosterFile``), readable by its owner only (0600).
///
/// An import writes a temporary file (0600 from the start), flushes it to the disk and renames
/// it over the roster, so a crash leaves the old roster or the new one, never half of one. An
/// exclusive lock on `staff-roster.lock` makes imports from two processes take turns; the
/// temporary file of an import cut short is removed by the next import.
public struct FileRosterRepository: RosterRepository {
    public let dataDirectory: URL
    private let operations: any FileOperations

    public init(dataDirectory: URL, operations: any FileOperations = SystemFileOperations()) {
        self.dataDirectory = dataDirectory
        self.operations = operations
    }

    /// The roster's file.
    public var file: URL { dataDirectory.appending(path: RosterFile.fileName) }

    private var lockFile: URL { dataDirectory.appending(path: "staff-roster.lock") }

    public func roster() async throws(StorageError) -> StaffRoster? {
        try read()
    }

    public func importRoster(_ staff: [StaffMember], scope: RosterImportScope) async throws(StorageError) -> RosterChanges {
        try RosterProblem.refuseDuplicates(in: staff)
        try createDataDirectory()
        let lock = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else {
            throw .roster(.cannotWrite(path: lockFile.path, reason: FileProblem.words(errno: errno)))
        }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else {
            throw .roster(.cannotWrite(path: lockFile.path, reason: FileProblem.words(errno: errno)))
        }
        removeLeftoverTemporaries()
        let (roster, changes) = (try read() ?? StaffRoster()).importing(staff, scope: scope)
        try write(roster)
        return changes
    }

    private func read() throws(StorageError) -> StaffRoster? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .roster(.cannotRead(path: file.path, reason: "permission denied, or it is not a file"))
        }
        do {
            return try RosterFile.read(data, path: file.path)
        } catch {
            throw .roster(error)
        }
    }

    private func write(_ roster: StaffRoster) throws(StorageError) {
        let temporary = dataDirectory.appending(path: temporaryPrefix + UUID().uuidString + ".tmp")
        do {
            let contents = try RosterFile(roster).contents()
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(contents, to: descriptor)
            try operations.rename(temporary.path, over: file.path)
        } catch {
            try? operations.unlink(temporary.path)
            throw .roster(.cannotWrite(path: file.path, reason: FileProblem.words(for: error)))
        }
        // The new roster is whole under its name; flushing the directory only hastens the name
        // to the disk.
        try? operations.syncDirectory(dataDirectory.path)
    }

    /// Removes the temporary files of imports cut short by a crash. Only the process holding the
    /// lock calls it: no import of another process is under way.
    private func removeLeftoverTemporaries() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: dataDirectory.appending(path: name))
        }
    }

    private var temporaryPrefix: String { ".\(RosterFile.fileName)." }

    private func createDataDirectory() throws(StorageError) {
        do {
            try FileManager.default.createDirectory(
                at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .roster(.cannotWrite(path: dataDirectory.path, reason: FileProblem.words(for: error)))
        }
    }
}
