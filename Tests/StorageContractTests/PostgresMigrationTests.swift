import Crypto
import Foundation
import PostgresNIO
import RecordStore
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// The PostgreSQL schema's versioned migrations, and the errors a county's administrator meets
/// first. Each test has a schema of its own.
@Suite(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
struct PostgresMigrationTests {
    let key = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())

    func withDatabase(_ body: (RecordDatabase) async throws -> Void) async throws {
        let address = try DatabaseAddress(try #require(TestDatabase.address))
        let schema = "migrations_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let database = try await RecordDatabase.connect(address, schema: schema)
        do {
            try await body(database)
        } catch {
            _ = try? await database.client.query(database.sql("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            await database.close()
            throw error
        }
        _ = try? await database.client.query(database.sql("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        await database.close()
    }

    @Test func migrateAppliesEachVersionOnceAndRecordsIt() async throws {
        try await withDatabase { database in
            let before = try await database.schemaVersion()
            let first = try await database.migrate()
            let second = try await database.migrate()
            let after = try await database.schemaVersion()

            #expect(before == 0 && after == Migration.latestVersion)
            #expect(first == Migration.all.map(\.version) && second == [])
        }
    }

    @Test func recordsAreRefusedUntilTheSchemaIsMigrated() async throws {
        try await withDatabase { database in
            let error = await #expect(throws: StorageError.self) {
                try await PostgresRecordRepository.open(database, key: key)
            }
            #expect(error == .schemaNotMigrated(database: database.location, found: 0, required: Migration.latestVersion))
            #expect(error?.description.contains("csec-trainer database migrate") == true)
        }
    }

    @Test func aSchemaNewerThanThisVersionIsRefusedAndLeftAlone() async throws {
        try await withDatabase { database in
            _ = try await database.migrate()
            let newer = Migration.latestVersion + 1
            try await database.client.query(
                database.sql("INSERT INTO {schema}.schema_migrations (version, description) VALUES (\(newer), 'from the future')")
            )

            let migrating = await #expect(throws: StorageError.self) { try await database.migrate() }
            let opening = await #expect(throws: StorageError.self) { try await PostgresRecordRepository.open(database, key: key) }
            let expected = StorageError.schemaTooNew(
                database: database.location, found: newer, supported: Migration.latestVersion)
            #expect(migrating == expected && opening == expected)
            #expect(try await database.schemaVersion() == newer)
        }
    }

    @Test func concurrentMigrationsApplyEachVersionOnce() async throws {
        try await withDatabase { database in
            _ = try await database.migrate()  // the schema and its table exist; the versions are what is raced
            try await database.client.query(database.sql("DELETE FROM {schema}.schema_migrations"))
            // Every table and function the migrations made, whatever they are.
            try await database.client.query(
                PostgresQuery(
                    unsafeSQL: """
                        DO $$ DECLARE t text; BEGIN
                            FOR t IN SELECT tablename FROM pg_tables
                                WHERE schemaname = '\(database.schema)' AND tablename <> 'schema_migrations'
                            LOOP EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', '\(database.schema)', t); END LOOP;
                            FOR t IN SELECT p.oid::regprocedure::text FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = '\(database.schema)'
                            LOOP EXECUTE 'DROP FUNCTION IF EXISTS ' || t || ' CASCADE'; END LOOP;
                        END $$
                        """))
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 { group.addTask { try await database.migrate() } }
                return try await group.reduce([], +)
            }
            #expect(applied == Migration.all.map(\.version))
        }
    }

    @Test func aServerThatIsNotThereIsNamedWithItsHostAndPort() async throws {
        let closedPort = 1  // tcpmux: nothing listens there
        let address = try DatabaseAddress("postgres://someone@127.0.0.1:\(closedPort)/records?sslmode=disable")
        let error = await #expect(throws: StorageError.self) { try await RecordDatabase.connect(address) }
        guard case .cannotConnect(let host, let port, _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1" && port == closedPort)
        #expect(error?.description.contains("127.0.0.1:1") == true)
    }
}
