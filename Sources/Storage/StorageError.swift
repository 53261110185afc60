import RecordStore

/// What can go wrong with stored data, in words a trainer can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A problem with the signed record files of the embedded store.
    case files(RecordStoreError)
    /// What was read is not a csec-trainer completion record.
    case notARecord(location: String, reason: String)
    /// The stored bytes are not what was signed: the record was changed after it was signed.
    case altered(location: String, reason: String)
    /// The record is signed with a key that is not among the trusted ones.
    case untrustedKey(location: String, keyID: String, trusted: [String])
    /// Another record is stored under the id of the one being imported.
    case conflicting(source: String, id: String, location: String)
    /// No record has this id (or id prefix).
    case noSuchRecord(id: String, location: String)
    /// More than one record starts with this id prefix.
    case ambiguousID(prefix: String, matches: [String])
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)
    /// A public key file cannot be used.
    case badKeyFile(path: String, reason: String)
    /// The database address cannot be read.
    case invalidDatabaseAddress(reason: String)
    /// The database server did not answer, or refused the connection.
    case cannotConnect(host: String, port: Int, reason: String)
    /// The database was migrated by a newer csec-trainer.
    case schemaTooNew(database: String, found: Int, supported: Int)
    /// The database lacks migrations this csec-trainer needs.
    case schemaNotMigrated(database: String, found: Int, required: Int)
    /// The database refused or failed a query.
    case database(location: String, reason: String)
    /// A problem with the stored staff roster.
    case roster(RosterProblem)

    /// `error`, met reading a record.
    init(reading error: RecordStoreError) {
        if case .notARecord(let path, let reason) = error {
            self = .notARecord(location: path, reason: reason)
        } else {
            self = .files(error)
        }
    }

    public var description: String {
        switch self {
        case .files(let error):
            error.description
        case .notARecord(let location, let reason):
            "\(location): error: not a csec-trainer completion record (\(reason)). Leave it out, or ask for the signed file again."
        case .altered(let location, let reason):
            "\(location): error: ALTERED: \(reason). The record was changed after it was signed; do not rely on it."
        case .untrustedKey(let location, let keyID, let trusted):
            "\(location): error: signed with key \(keyID), which is not trusted here (trusted: "
                + "\(trusted.joined(separator: ", "))). Add the public key of the machine that signed it, "
                + "after checking it with its owner."
        case .conflicting(let source, let id, let location):
            "\(source): error: record \(id) is stored already at \(location) with other content; the stored record "
                + "stands. One of the two was changed: verify both."
        case .noSuchRecord(let id, let location):
            "error: no record '\(id)' in \(location). `csec-trainer records list` shows the ids."
        case .ambiguousID(let prefix, let matches):
            "error: '\(prefix)' matches \(matches.count) records (\(matches.prefix(3).joined(separator: ", "))…); give more of the id."
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write: \(reason). Check that the disk has room and the directory is yours."
        case .badKeyFile(let path, let reason):
            "\(path): error: the public key cannot be used: \(reason). Ask for the output of `csec-trainer keys export` again."
        case .invalidDatabaseAddress(let reason):
            "error: the database address cannot be used: \(reason). It looks like "
                + "postgres://user:password@host:5432/database."
        case .cannotConnect(let host, let port, let reason):
            "error: cannot connect to the PostgreSQL server at \(host):\(port): \(reason). Check that the server is "
                + "running and accepts connections on that host and port, and that the address names the right user, "
                + "password and database."
        case .schemaTooNew(let database, let found, let supported):
            "\(database): error: the database's schema is at version \(found), newer than this csec-trainer knows "
                + "(up to \(supported)). Update csec-trainer; nothing was changed."
        case .schemaNotMigrated(let database, let found, let required):
            "\(database): error: the database's schema is at version \(found), and this csec-trainer needs version "
                + "\(required). Apply the migrations first (`csec-trainer database migrate`)."
        case .database(let location, let reason):
            "\(location): error: the database refused a request: \(reason)."
        case .roster(let problem):
            problem.description
        }
    }
}
