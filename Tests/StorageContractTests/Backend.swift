import Crypto
import Foundation
import PostgresNIO
import RecordStore
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// A backend the contract suite runs against.
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case files
    case postgres

    /// The signed files always; PostgreSQL when reachable, and always in CI.
    static var underTest: [Backend] {
        TestDatabase.runsPostgresCases ? [.files, .postgres] : [.files]
    }

    var testDescription: String { rawValue }

    /// A fresh, empty store of this backend, with a key of its own.
    func makeStore(trusting others: [Curve25519.Signing.PublicKey] = []) async throws -> ContractStore {
        let key = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        switch self {
        case .files:
            let directory = FileManager.default.temporaryDirectory.appending(path: "csec-contract-\(UUID().uuidString)")
            let store = RecordStore(dataDirectory: directory, key: key)
            return ContractStore(
                key: key, repository: FileRecordRepository(store: store, trusting: others),
                rosters: FileRosterRepository(dataDirectory: directory), place: .files(directory))
        case .postgres:
            let address = try DatabaseAddress(try #require(TestDatabase.address, "no PostgreSQL address for the tests"))
            let schema = "contract_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let database = try await RecordDatabase.connect(address, schema: schema)
            _ = try await database.migrate()
            let repository = try await PostgresRecordRepository.open(database, key: key, trusting: others)
            return ContractStore(
                key: key, repository: repository, rosters: try await PostgresRosterRepository.open(database),
                place: .database(database))
        }
    }
}

/// One test's store: its repository and key, and a way to damage what it holds.
struct ContractStore: Sendable {
    enum Place: Sendable {
        case files(URL)
        case database(RecordDatabase)
    }

    let key: InstallationKey
    let repository: any RecordRepository
    let rosters: any RosterRepository
    let place: Place

    /// Replaces the first occurrence of `text` in the stored signed file of record `id` with
    /// `replacement` (the same length), where the backend keeps it.
    func alterStoredFile(of id: UUID, replacing text: String, with replacement: String) async throws {
        switch place {
        case .files(let directory):
            let file = RecordStore.directory(in: directory).appending(path: "\(id.uuidString.lowercased()).json")
            let bytes = try Data(contentsOf: file)
            try Self.replacing(text, with: replacement, in: bytes).write(to: file)
        case .database(let database):
            let table = database.quotedSchema + ".completion_records"
            let bytes = try #require(
                try await database.client.query("SELECT signed_file FROM \(unescaped: table) WHERE id = \(id)")
                    .decode(Data.self).first { _ in true })
            let altered = try Self.replacing(text, with: replacement, in: bytes)
            try await database.client.query("UPDATE \(unescaped: table) SET signed_file = \(altered) WHERE id = \(id)")
        }
    }

    /// Runs `sql` on the database (PostgreSQL only), with `{schema}` for the test's schema.
    func execute(_ sql: String) async throws {
        guard case .database(let database) = place else { return }
        try await database.client.query(database.sql(sql))
    }

    /// Removes what the test stored.
    func remove() async {
        switch place {
        case .files(let directory):
            try? FileManager.default.removeItem(at: directory)
        case .database(let database):
            _ = try? await database.client.query(database.sql("DROP SCHEMA {schema} CASCADE"))
            await database.close()
        }
    }

    private static func replacing(_ text: String, with replacement: String, in bytes: Data) throws -> Data {
        let range = try #require(bytes.firstRange(of: Data(text.utf8)), "'\(text)' is not in the stored record")
        var altered = bytes
        altered.replaceSubrange(range, with: Data(replacement.utf8))
        return altered
    }
}

extension Backend {
    /// Runs `body` with a fresh store of this backend, and removes the store afterwards.
    func withStore(
        trusting others: [Curve25519.Signing.PublicKey] = [], _ body: (ContractStore) async throws -> Void
    ) async throws {
        let store = try await makeStore(trusting: others)
        do {
            try await body(store)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }
}
