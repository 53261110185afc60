import Crypto
import Foundation

extension InstallationKey {
    /// The key in `dataDirectory`, created on first use: only while the data directory holds no
    /// records. A key that is missing while records exist is never replaced silently (records
    /// signed by it would stop verifying): ``RecordStoreError/keyMissing(path:recordsDirectory:recordCount:)``
    /// says to restore it, or to start a new key on purpose with
    /// ``startNew(in:replacingLostKey:now:operations:)``.
    ///
    /// Safe when several processes start at once and against a crash: the key is written whole
    /// to a temporary file, flushed, then linked to its name, which fails if another process
    /// linked its key first (then that key is read and used). The data directory and its
    /// missing parents are created.
    public static func loadOrCreate(
        in dataDirectory: URL, now: Date = Date(), operations: some FileOperations = SystemFileOperations()
    ) throws(RecordStoreError) -> InstallationKey {
        let file = Self.file(in: dataDirectory)
        if let key = try load(from: file) { return key }
        let stored = try StoredSigners(in: dataDirectory)
        guard stored.recordCount == 0 else {
            throw RecordStoreError.keyMissing(
                path: file.path, recordsDirectory: stored.directory.path, recordCount: stored.recordCount)
        }
        let key = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        return try install(
            key, in: dataDirectory, recording: KeyHistory.Entry(date: now, event: .created, keyID: key.keyID),
            operations: operations)
    }

    /// A new key, on purpose, for a data directory whose key is lost; written in the key
    /// history with the keys that signed the records already stored. Refused while a key is
    /// in place (``RecordStoreError/keyExists(path:keyID:)``), and, when records exist,
    /// unless `replacingLostKey` confirms that their key is lost.
    public static func startNew(
        in dataDirectory: URL, replacingLostKey: Bool, now: Date, operations: some FileOperations = SystemFileOperations()
    ) throws(RecordStoreError) -> (key: InstallationKey, change: KeyHistory.Entry) {
        let file = Self.file(in: dataDirectory)
        if let existing = try load(from: file) { throw RecordStoreError.keyExists(path: file.path, keyID: existing.keyID) }
        let stored = try StoredSigners(in: dataDirectory)
        if stored.recordCount > 0, !replacingLostKey {
            throw RecordStoreError.keyMissing(
                path: file.path, recordsDirectory: stored.directory.path, recordCount: stored.recordCount)
        }
        let key = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        let change = KeyHistory.Entry(
            date: now, event: stored.recordCount > 0 ? .replacedLostKey : .created, keyID: key.keyID,
            earlierKeyIDs: stored.keyIDs, recordCount: stored.recordCount)
        let installed = try install(key, in: dataDirectory, recording: change, operations: operations)
        guard installed.keyID == key.keyID else { throw RecordStoreError.keyExists(path: file.path, keyID: installed.keyID) }
        return (key, change)
    }

    /// Writes `created` to the key file, and `entry` to the key history: a first key's once it
    /// is in place (of two processes making one at once, only the one whose key is used writes
    /// it); a replacement's before, so that a key replaced on purpose is never in place without
    /// its line. Returns the key in place: another process's when it linked its key first.
    private static func install(
        _ created: InstallationKey, in dataDirectory: URL, recording entry: KeyHistory.Entry,
        operations: some FileOperations
    ) throws(RecordStoreError) -> InstallationKey {
        let file = Self.file(in: dataDirectory)
        let history = KeyHistory(dataDirectory: dataDirectory)
        let temporary = file.deletingLastPathComponent().appending(path: ".installation-\(UUID().uuidString).tmp")
        defer { try? operations.unlink(temporary.path) }
        do {
            try operations.makeDirectoryWithParents(dataDirectory.path, mode: 0o700)
            try operations.makeDirectory(file.deletingLastPathComponent().path, mode: 0o700)
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(created.fileContents, to: descriptor)
            if entry.event == .replacedLostKey { try history.append(entry, operations: operations) }
            try operations.link(temporary.path, as: file.path)
        } catch  where error.alreadyExists {
            // Another process created it first (between our check and our create): use theirs.
            if let key = try load(from: file) { return key }
            throw RecordStoreError.badKey(path: file.path, reason: "it is being created by another process; try again")
        } catch {
            throw RecordStoreError.cannotWrite(path: file.path, reason: error.description)
        }
        if entry.event == .created { try record(entry, in: history, operations: operations) }
        return created
    }

    private static func record(
        _ entry: KeyHistory.Entry, in history: KeyHistory, operations: some FileOperations
    ) throws(RecordStoreError) {
        do {
            try history.append(entry, operations: operations)
        } catch {
            throw RecordStoreError.cannotWrite(path: history.file.path, reason: error.description)
        }
    }

    /// The key saved in `file`, or nil when there is none. A file whose private key does not
    /// match the public key saved with it is refused.
    static func load(from file: URL) throws(RecordStoreError) -> InstallationKey? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw RecordStoreError.keyPathIsDirectory(path: file.path) }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw RecordStoreError.cannotRead(path: file.path, reason: FileProblem.words(for: error))
        }
        guard let saved = try? JSONDecoder().decode(SavedKey.self, from: data), saved.algorithm == "Ed25519",
            let raw = Data(base64Encoded: saved.privateKey),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            // A half-written key (a crash while creating it) also lands here.
            throw RecordStoreError.badKey(path: file.path, reason: "the file is not a csec-trainer Ed25519 key")
        }
        guard Data(base64Encoded: saved.publicKey) == key.publicKey.rawRepresentation else {
            throw RecordStoreError.keyMismatch(path: file.path)
        }
        return InstallationKey(privateKey: key)
    }
}

/// The records already in a data directory, and the keys that signed them.
private struct StoredSigners {
    let directory: URL
    let recordFiles: [URL]
    var recordCount: Int { recordFiles.count }

    init(in dataDirectory: URL) throws(RecordStoreError) {
        directory = RecordStore.directory(in: dataDirectory)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            recordFiles = []
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw RecordStoreError.cannotRead(path: directory.path, reason: FileProblem.words(for: error))
        }
        let folder = directory
        recordFiles = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { folder.appending(path: $0) }
    }

    /// The ids of the keys that signed the records (each file is read: only for a new key).
    var keyIDs: [String] {
        Set(recordFiles.compactMap { try? RecordStore.read($0).signed.signature.keyID }).sorted()
    }
}
