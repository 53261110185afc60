/// What can go wrong with the record store, in words a trainer can act on. Each case names
/// the file or directory involved.
public enum RecordStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory or file could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// The file could not be read.
    case cannotRead(path: String, reason: String)
    /// The file is not a csec-trainer record (or is damaged beyond reading).
    case notARecord(path: String, reason: String)
    /// The record was written by a newer csec-trainer.
    case unsupportedSchema(path: String, found: Int, supported: [Int])
    /// The file's bytes are not what was signed: it was changed after it was written.
    case altered(path: String, reason: String)
    /// A line of the summary index does not check out (edited, forged or damaged): it was not
    /// used.
    case indexLineAltered(path: String, line: Int)
    /// The records log names a record whose file is gone.
    case missing(path: String, log: String, line: Int)
    /// A line of the records log was edited, removed, moved or damaged.
    case logAltered(path: String, line: Int, reason: String)
    /// No record has this id (or id prefix).
    case noSuchRecord(id: String, directory: String)
    /// More than one record starts with this id prefix.
    case ambiguousID(prefix: String, matches: [String])
    /// The installation key is unreadable or not an Ed25519 key.
    case badKey(path: String, reason: String)
    /// The installation key is missing while records signed with a key are stored: no new key
    /// is made silently.
    case keyMissing(path: String, recordsDirectory: String, recordCount: Int)
    /// The key file's private key does not match the public key saved with it.
    case keyMismatch(path: String)
    /// The key file's path is a directory.
    case keyPathIsDirectory(path: String)
    /// A key file given to check records or certificates is not a public key or key set.
    case badKeyFile(path: String, reason: String)
    /// The installation's settings file cannot be used.
    case badSettings(path: String, reason: String)
    /// A new key was asked for while a key is in place.
    case keyExists(path: String, keyID: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write: \(reason). Check that the disk has room and the directory is yours, "
                + "or choose another data directory."
        case .cannotRead(let path, let reason):
            "\(path): error: cannot read: \(reason)."
        case .notARecord(let path, let reason):
            "\(path): error: not a csec-trainer completion record (\(reason)). Move it out of the records directory."
        case .unsupportedSchema(let path, let found, let supported):
            "\(path): error: record schema version \(found) is newer than this csec-trainer reads "
                + "(\(supported.map(String.init).joined(separator: ", "))). Update csec-trainer."
        case .altered(let path, let reason):
            "\(path): error: ALTERED: \(reason). The record was changed after it was signed; do not rely on it."
        case .indexLineAltered(let path, let line):
            "\(path):\(line): error: this line of the \(Self.indexName(path)) was changed or damaged after it was written, "
                + "so it was not used (the record was read from its own file). The index is only a cache: keep a copy for "
                + "whoever investigates, then delete it; the next \(Self.indexReader(path)) rebuilds it."
        case .missing(let path, let log, let line):
            "\(path): error: MISSING: the records log (\(log), line \(line)) says this record was written, but its file "
                + "is gone (deleted or moved). Restore it from a backup."
        case .logAltered(let path, let line, let reason):
            "\(path):\(line): error: the records log was changed: \(reason). Lines are only ever added to it; keep the "
                + "file as it is for whoever investigates, and compare it with a backup."
        case .noSuchRecord(let id, let directory):
            "error: no record '\(id)' in \(directory). `csec-trainer records list` shows the ids."
        case .ambiguousID(let prefix, let matches):
            "error: '\(prefix)' matches \(matches.count) records (\(matches.prefix(3).joined(separator: ", "))…); give more of the id."
        case .badKey(let path, let reason):
            "\(path): error: the installation key cannot be used: \(reason). "
                + "Restore it from a backup; records signed with it can only be verified with its public key."
        case .keyMissing(let path, let directory, let count):
            "\(path): error: the installation key is missing, but \(directory) holds \(count) "
                + "record\(count == 1 ? "" : "s") signed with a key, so no new key was made. "
                + "Restore the key file to this path from a backup; or, if the key is lost for good, start a new key "
                + "on purpose (the change is written in the key history, and records signed with the lost key "
                + "can then only be verified with its exported public key)."
        case .keyMismatch(let path):
            "\(path): error: the installation key cannot be used: its private key does not match the public key "
                + "saved with it (the file was edited or pieced together from two keys). Restore it from a backup."
        case .keyPathIsDirectory(let path):
            "\(path): error: the installation key should be this file, but it is a directory. "
                + "Move the directory away, then restore the key file to this path from a backup."
        case .badKeyFile(let path, let reason):
            "\(path): error: not a key to check records with: \(reason). Give the output of `csec-trainer keys export` "
                + "(PEM or JWK) or a csec-trainer key set."
        case .badSettings(let path, let reason):
            "\(path): error: the installation's settings cannot be used: \(reason). Set them again with "
                + "`csec-trainer settings`."
        case .keyExists(let path, let keyID):
            "\(path): error: an installation key (\(keyID)) is in place, so no new key was made. "
                + "A new key is only for a data directory whose key is lost."
        }
    }

    /// The summary index (`index.log`, read by reports) or the answer index (`answers.log`, read by item analysis).
    private static func indexName(_ path: String) -> String {
        path.hasSuffix(AnswerIndex.fileName) ? "answer index" : "summary index"
    }

    private static func indexReader(_ path: String) -> String {
        path.hasSuffix(AnswerIndex.fileName) ? "item analysis" : "report"
    }
}
