import Accounts
import Foundation
import PostgresNIO
import TestSupport
import Testing

@testable import PostgresStorage

/// A backend the accounts contract suite runs against, as the records' contract suite does.
enum AccountStoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case files
    case postgres

    /// The files always; PostgreSQL when reachable, and always in CI (where it fails when not).
    static var underTest: [AccountStoreBackend] {
        TestDatabase.runsPostgresCases ? [.files, .postgres] : [.files]
    }

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this backend, and removes the store afterwards.
    func withStore(_ body: (ContractAccountStore) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await body(store)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }

    private func makeStore() async throws -> ContractAccountStore {
        switch self {
        case .files:
            let directory = try Fixtures.temporaryDirectory()
            return ContractAccountStore(store: FileAccountStore(dataDirectory: directory), place: .files(directory))
        case .postgres:
            let address = try DatabaseAddress(try #require(TestDatabase.address, "\(TestDatabase.skipMessage)"))
            let schema = "accounts_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let database = try await RecordDatabase.connect(address, schema: schema)
            _ = try await database.migrate()
            return ContractAccountStore(store: try await PostgresAccountStore.open(database), place: .database(database))
        }
    }
}

/// One test's store, and a way to read and damage what it holds where the backend keeps it.
struct ContractAccountStore: Sendable {
    enum Place: Sendable {
        case files(URL)
        case database(RecordDatabase)
    }

    let store: any AccountStore
    let place: Place

    /// Every byte the backend holds for the accounts: the files' contents, or every table's
    /// rows as text.
    func storedBytes() async throws -> Data {
        switch place {
        case .files(let directory):
            var bytes = Data()
            let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                bytes.append(FileManager.default.contents(atPath: file.path) ?? Data())
            }
            return bytes
        case .database(let database):
            var text = ""
            for table in ["invitations", "administrators", "web_sessions", "audit_log"] {
                let rows = try await database.client.query(
                    database.sql("SELECT row_to_json(t)::text FROM {schema}.\(table) AS t"))
                for try await row in rows.decode(String.self) { text += row + "\n" }
            }
            return Data(text.utf8)
        }
    }

    /// Replaces the audit log's line `number` (from 1) with `transform(line)`, or removes it
    /// when `transform` returns nil, bypassing the store (as someone with the disk would).
    func tamperWithAuditLine(_ number: Int, _ transform: @Sendable (String) -> String?) async throws {
        switch place {
        case .files(let directory):
            let file = directory.appending(path: "accounts/audit.jsonl")
            var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            if let changed = transform(lines[number - 1]) { lines[number - 1] = changed } else { lines.remove(at: number - 1) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        case .database(let database):
            let table = database.quotedSchema + ".audit_log"
            let line = try #require(
                try await database.client.query("SELECT line FROM \(unescaped: table) WHERE number = \(number)")
                    .decode(String.self).first { _ in true })
            try await database.client.query("ALTER TABLE \(unescaped: table) DISABLE TRIGGER USER")
            if let changed = transform(line) {
                try await database.client.query("UPDATE \(unescaped: table) SET line = \(changed) WHERE number = \(number)")
            } else {
                try await database.client.query("DELETE FROM \(unescaped: table) WHERE number = \(number)")
            }
            try await database.client.query("ALTER TABLE \(unescaped: table) ENABLE TRIGGER USER")
        }
    }

    /// Runs `sql` (PostgreSQL only; `{schema}` for the test's schema) and returns the error it raised.
    func failureOf(_ sql: String) async -> String? {
        guard case .database(let database) = place else { return nil }
        do {
            try await database.client.query(database.sql(sql))
            return nil
        } catch {
            return RecordDatabase.reason(error)
        }
    }

    func remove() async {
        switch place {
        case .files(let directory):
            try? FileManager.default.removeItem(at: directory)
        case .database(let database):
            _ = try? await database.client.query(database.sql("DROP SCHEMA {schema} CASCADE"))
            await database.close()
        }
    }
}
