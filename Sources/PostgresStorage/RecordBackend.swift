import Crypto
import Foundation
import RecordStore
import Records
import Storage

/// The repository the records go to: a PostgreSQL database when an address is given, else the
/// signed record files of the data directory (the embedded default, no server to run).
public struct RecordBackend: Sendable {
    public let repository: any RecordRepository
    /// The staff roster of the same backend.
    public let rosters: any RosterRepository
    /// The database, when the records are in one: ``close()`` lets its connections go.
    public let database: RecordDatabase?

    /// Opens the backend: `databaseAddress` (`postgres://…`) when given, else `store`'s files.
    /// Records signed by the keys of the data directory's ``TrustedKeyFolder`` and by `others`
    /// (other machines, other schools) are trusted beside the installation's own.
    public static func open(
        databaseAddress: String?, store: RecordStore, trusting others: [Curve25519.Signing.PublicKey] = []
    ) async throws(StorageError) -> RecordBackend {
        let dataDirectory = store.directory.deletingLastPathComponent()
        let others = try TrustedKeyFolder(dataDirectory: dataDirectory).keys() + others
        guard let databaseAddress else {
            return RecordBackend(
                repository: FileRecordRepository(store: store, trusting: others),
                rosters: FileRosterRepository(dataDirectory: dataDirectory), database: nil)
        }
        let database = try await RecordDatabase.connect(try DatabaseAddress(databaseAddress))
        do {
            let repository = try await PostgresRecordRepository.open(database, key: store.key, trusting: others)
            return RecordBackend(
                repository: repository, rosters: PostgresRosterRepository(database: database), database: database)
        } catch {
            await database.close()
            throw error
        }
    }

    /// The compliance report with the backend's staff roster when one is imported; whether it
    /// has one.
    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate) async throws(StorageError) -> (
        report: VerifiedReport, withRoster: Bool
    ) {
        let roster = try await rosters.roster()
        return (try await repository.complianceReport(for: schoolYear, asOf: asOf, roster: roster), roster != nil)
    }

    /// Lets the database's connections go (nothing to do for the files).
    public func close() async {
        await database?.close()
    }
}

extension RecordBackend {
    /// Opens the backend (see ``open(databaseAddress:store:trusting:)``), runs `body` with its
    /// repository, and closes it.
    public static func using<Result: Sendable>(
        databaseAddress: String?, store: RecordStore, trusting others: [Curve25519.Signing.PublicKey] = [],
        _ body: (RecordBackend) async throws(StorageError) -> Result
    ) async throws(StorageError) -> Result {
        let backend = try await open(databaseAddress: databaseAddress, store: store, trusting: others)
        do {
            let result = try await body(backend)
            await backend.close()
            return result
        } catch {
            await backend.close()
            throw error
        }
    }
}
