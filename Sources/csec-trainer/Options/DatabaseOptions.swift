import ArgumentParser
import Foundation
import PostgresStorage
import Storage

/// `--database URL`: keep records in a PostgreSQL database instead of the data directory's files.
struct DatabaseOptions: ParsableArguments {
    static let environmentVariable = "CSEC_TRAINER_DATABASE"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL database for the records, e.g. postgres://csec@db.example:5432/records "
                + "(default: $\(environmentVariable), else the signed files in the data directory).",
            valueName: "url"))
    var explicitAddress: String?

    /// The database's address, from --database or the environment; nil for the files.
    var address: String? {
        explicitAddress ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension DatabaseOptions {
    /// Runs `body` with the backend chosen here (the database, else `data`'s files) and waits
    /// for it; a storage error is printed and exits with failure.
    func using<Result: Sendable>(
        _ data: DataOptions, _ body: @escaping @Sendable (RecordBackend) async throws(StorageError) -> Result
    ) throws -> Result {
        let (store, address) = (try data.recordStore(), address)
        return try reportingStorageErrors {
            try waitFor { try await RecordBackend.using(databaseAddress: address, store: store, body) }
        }
    }
}
