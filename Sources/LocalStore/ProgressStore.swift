import Foundation
import RecordStore
import Synchronization

/// Saves and loads the sessions in progress, one file per trainee in the data directory's
/// `progress/` folder, so that two people on one computer each keep their own. A file written by
/// an earlier csec-trainer (`in-progress.json`, one for the whole data directory) is moved into
/// that folder the first time the saved sessions are listed.
public struct ProgressStore: Sendable {
    public var directory: URL
    /// The attempts read or written last, kept while their files are unchanged: a server reads
    /// the trainee's attempt on every request.
    private let decoded = DecodedFileCache<SessionProgress>(capacity: 4096)

    public init(directory: URL) {
        self.directory = directory
    }

    /// The folder of saved sessions.
    public var folder: URL { directory.appending(path: "progress", directoryHint: .isDirectory) }

    /// The single progress file of earlier versions.
    public var legacyFile: URL { directory.appending(path: "in-progress.json") }

    /// The file of `trainee`'s session in progress.
    public func file(for trainee: String) -> URL {
        folder.appending(path: ProgressFileName.stem(for: trainee) + ".json")
    }

    /// Takes `trainee`'s session for this process: see ``ProgressLock``. The first time this
    /// process takes it, the temporary files a crash left of the trainee's saves are removed;
    /// later, none can be there (a save that fails removes its own), and the folder, which the
    /// district server's every request would list, is not listed again.
    public func lock(for trainee: String) throws(StoreError) -> ProgressLock {
        try createFolder()
        let lockFile = folder.appending(path: ProgressFileName.stem(for: trainee) + ".lock")
        let lock = try ProgressLock(file: lockFile, trainee: trainee)
        if Self.swept.withLock({ $0.insert(lockFile.path).inserted }) { removeLeftoverTemporaries(of: trainee) }
        return lock
    }

    /// The lock files of the sessions whose leftovers this process has removed.
    private static let swept = Mutex<Set<String>>([])

    /// Writes the whole file anew, atomically: a temporary file of the trainee's own (readable by
    /// its owner only from the start), flushed, then renamed over the old one, so a crash mid-write
    /// leaves the previous version intact. A write that fails removes its temporary file; one cut
    /// short by a crash is removed when the trainee's session is next taken (``lock(for:)``).
    public func save(_ progress: SessionProgress) throws(StoreError) {
        let file = file(for: progress.trainee)
        try createFolder()
        let operations = SystemFileOperations()
        let temporary = folder.appending(path: Self.temporaryPrefix(for: progress.trainee) + UUID().uuidString + ".tmp")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(progress)
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(data, to: descriptor)
            try operations.rename(temporary.path, over: file.path)
            try operations.syncDirectory(folder.path)
            decoded.remember(progress, writtenTo: file.path)
        } catch {
            decoded.forget(file.path)
            try? operations.unlink(temporary.path)
            throw StoreError.cannotWrite(path: file.path, reason: FileProblem.words(for: error))
        }
    }

    /// How the names of `trainee`'s temporary files begin: hidden, and theirs alone.
    static func temporaryPrefix(for trainee: String) -> String {
        "." + ProgressFileName.stem(for: trainee) + ".json."
    }

    /// Removes the temporary files a crash left of `trainee`'s saves, and those that earlier
    /// versions left (`.dat.nosync…`, no longer written) once they are an hour old. Only the
    /// process holding the trainee's lock calls it: no save of theirs is under way.
    func removeLeftoverTemporaries(of trainee: String, now: Date = Date()) {
        let prefix = Self.temporaryPrefix(for: trainee)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            let path = folder.appending(path: name).path
            if name.hasPrefix(prefix), name.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(atPath: path)
            } else if name.hasPrefix(".dat.nosync"),
                let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > 3_600
            {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// `trainee`'s saved session, or nil when there is none.
    public func load(for trainee: String) throws(StoreError) -> SessionProgress? {
        try migrateLegacyFile()
        let file = file(for: trainee)
        do {
            return try decoded.value(at: file.path) { data in try Self.decode(data, from: file) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.damaged(path: file.path)
        }
    }

    /// Every saved session, by trainee name.
    public func savedSessions() throws(StoreError) -> [SessionProgress] {
        try migrateLegacyFile()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            return []
        }
        var sessions: [SessionProgress] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            if let progress = try Self.read(folder.appending(path: name)) { sessions.append(progress) }
        }
        return sessions.sorted { $0.trainee.localizedStandardCompare($1.trainee) == .orderedAscending }
    }

    /// Removes `trainee`'s saved session (when it is finished). The lock file stays: removing it
    /// while another process waits to open it would let two processes lock two different files.
    public func clear(for trainee: String) throws(StoreError) {
        let file = file(for: trainee)
        decoded.forget(file.path)
        do {
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        } catch {
            throw StoreError.cannotWrite(path: file.path, reason: FileProblem.words(for: error))
        }
    }

    /// Moves the single progress file of earlier versions to its trainee's file, unless that
    /// trainee already has one (then the old file stays where it is, untouched).
    private func migrateLegacyFile() throws(StoreError) {
        guard let progress = try Self.read(legacyFile) else { return }
        let destination = file(for: progress.trainee)
        guard !FileManager.default.fileExists(atPath: destination.path) else { return }
        try createFolder()
        do {
            try FileManager.default.moveItem(at: legacyFile, to: destination)
        } catch {
            // Another process moved it first: nothing is lost either way.
            guard FileManager.default.fileExists(atPath: destination.path) else {
                throw StoreError.cannotWrite(path: destination.path, reason: FileProblem.words(for: error))
            }
        }
    }

    private func createFolder() throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotWrite(path: folder.path, reason: FileProblem.words(for: error))
        }
    }

    private static func read(_ file: URL) throws(StoreError) -> SessionProgress? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw StoreError.damaged(path: file.path)
        }
        return try decode(data, from: file)
    }

    private static func decode(_ data: Data, from file: URL) throws(StoreError) -> SessionProgress {
        let progress: SessionProgress
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            progress = try decoder.decode(SessionProgress.self, from: data)
        } catch {
            throw StoreError.damaged(path: file.path)
        }
        guard progress.format == SessionProgress.currentFormat else {
            throw StoreError.unsupportedFormat(path: file.path, found: progress.format)
        }
        return progress
    }
}
