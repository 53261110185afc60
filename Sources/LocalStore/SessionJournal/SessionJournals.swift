import Foundation
import GroupSessions
import RecordStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The journals of the group sessions hosted from a data directory, one per session in
/// `sessions/<id>/journal.jsonl`, next to what the session's end writes there.
public struct SessionJournals: Sendable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var sessionsFolder: URL { directory.appending(path: "sessions", directoryHint: .isDirectory) }

    public func file(for sessionID: String) -> URL {
        sessionsFolder.appending(path: sessionID).appending(path: "journal.jsonl")
    }

    /// Starts the journal of a new session with its header and its start, flushed to the disk.
    public func create(
        _ creation: SessionCreation, startedAt: Date, address: String?
    ) throws(SessionJournalError) -> SessionJournalFile {
        let file = file(for: creation.id)
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: folder.path, reason: FileProblem.words(for: error))
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno))) }
        let journal = try SessionJournalFile(file: file, descriptor: descriptor, length: 0)
        try journal.start(SessionJournalHeader(session: creation.id, startedAt: startedAt, address: address), creation)
        Self.syncFolder(folder)
        return journal
    }

    /// Opens session `sessionID`'s journal to resume it: what it holds, and the journal to go on
    /// appending to (a last line cut short by a crash is cut off first). A finished session is
    /// refused.
    public func reopen(_ sessionID: String) throws(SessionJournalError) -> (SessionJournalContents, SessionJournalFile) {
        guard Self.isSessionID(sessionID), FileManager.default.fileExists(atPath: file(for: sessionID).path) else {
            throw .noSuchSession(id: sessionID, directory: directory.path)
        }
        let file = file(for: sessionID)
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path: file.path, reason: String(cString: strerror(errno))) }
        // Locked before it is read: no other process appends meanwhile.
        let journal = try SessionJournalFile(file: file, descriptor: descriptor, length: 0)
        let contents = try Self.read(file)
        if contents.finished != nil { throw .finished(path: file.path, sessionID: sessionID) }
        if contents.droppedBytes > 0 {
            guard ftruncate(descriptor, off_t(contents.completeLength)) == 0, fsync(descriptor) == 0 else {
                throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno)))
            }
        }
        journal.resetLength(to: contents.completeLength)
        return (contents, journal)
    }

    /// What a journal holds.
    public static func read(_ file: URL) throws(SessionJournalError) -> SessionJournalContents {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: file)
        } catch {
            throw .cannotRead(path: file.path, reason: FileProblem.words(for: error))
        }
        return try SessionJournalContents(bytes: bytes, path: file.path)
    }

    /// The id of the session whose unfinished journal was written last.
    public func newestUnfinished() throws(SessionJournalError) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder.path)) ?? []
        let journals = names.filter(Self.isSessionID).compactMap { name -> (name: String, modified: Date)? in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file(for: name).path)
            return (attributes?[.modificationDate] as? Date).map { (name, $0) }
        }
        for journal in journals.sorted(by: { $0.modified > $1.modified }) where !Self.isFinished(file(for: journal.name)) {
            return journal.name
        }
        throw .nothingToResume(directory: directory.path)
    }

    /// Whether a journal's last line says its session finished (read from its end only).
    static func isFinished(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return false }
        try? handle.seek(toOffset: size - min(size, 256))
        guard let tail = try? handle.readToEnd(), tail.last == UInt8(ascii: "\n") else { return false }
        let lastLine = tail.dropLast().split(separator: UInt8(ascii: "\n")).last ?? Data()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(SessionJournalEnd.self, from: Data(lastLine))) != nil
    }

    /// Letters, digits, `-` and `_`: a session id never names another folder.
    static func isSessionID(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }

    /// Hastens a new file's name to the disk.
    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
