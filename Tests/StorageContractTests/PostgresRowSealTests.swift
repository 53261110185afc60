import Crypto
import Foundation
import PostgresNIO
import RecordStore
import Records
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// The report trusts a row's seal instead of its signature: a row edited in the database, or
/// given a seal made without the installation key, is not counted as what it was made to say.
@Suite(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
struct PostgresRowSealTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2026-11-30")!

    /// Edits of a failed attempt's row, in SQL, that would make it count as a completion (or
    /// change what the report shows), without a new seal.
    static let edits = [
        "completes_training = true",
        "summary = replace(summary, E'\\t0\\t60\\t', E'\\t1\\t99\\t')",
        "completed_at = completed_at + interval '1 day', completed_on = completed_on + 1",
        "person_key = 'someone else', employee_key = 'e9'",
    ]

    @Test(arguments: edits)
    func aRowEditedInTheDatabaseIsNotCountedAsItsEdit(edit: String) async throws {
        try await Backend.postgres.withStore { store in
            let failed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: 60, passed: false)
            let other = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            for record in [failed, other] { _ = try await store.repository.saveOnce(record) }

            try await store.execute("UPDATE {schema}.completion_records SET \(edit) WHERE id = '\(failed.id)'")

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(found.report == ComplianceReport(records: [failed, other], schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.problems.count == 1, "\(found.problems)")
        }
    }

    enum Forgery: String, CaseIterable, Sendable {
        /// A seal computed over the edited row with a key that is not the installation's.
        case anotherKey
        /// The seal of another row, copied.
        case copiedFromAnotherRow
        /// The seal of the row before the edit, kept.
        case keptFromBeforeTheEdit
    }

    @Test(arguments: Forgery.allCases)
    func aForgedSealIsCaught(forgery: Forgery) async throws {
        try await Backend.postgres.withStore { store in
            let failed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: 60, passed: false)
            let passed = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            for record in [failed, passed] { _ = try await store.repository.saveOnce(record) }
            let database = try #require(store.database)
            let table = database.quotedSchema + ".completion_records"
            var columns = RecordColumns(failed)
            columns.completesTraining = true
            let summary = SummaryText.text(
                of: CompletionSummary(
                    id: failed.id.uuidString.lowercased(), trainee: failed.trainee, completedAt: failed.completedAt,
                    outcome: .scored(percent: 99, passed: true), jurisdiction: failed.training.jurisdiction))
            let digest = try #require(
                try await database.client.query("SELECT sha256(signed_file) FROM \(unescaped: table) WHERE id = \(failed.id)")
                    .decode(Data.self).first { _ in true })
            let seal: Data
            switch forgery {
            case .anotherKey:
                let forger = RowSeal(key: InstallationKey(privateKey: Curve25519.Signing.PrivateKey()))
                seal = forger.seal(digest: digest, columns: columns, summary: summary)
            case .copiedFromAnotherRow:
                seal = try #require(
                    try await database.client.query("SELECT seal FROM \(unescaped: table) WHERE id = \(passed.id)")
                        .decode(Data.self).first { _ in true })
            case .keptFromBeforeTheEdit:
                seal = try #require(
                    try await database.client.query("SELECT seal FROM \(unescaped: table) WHERE id = \(failed.id)")
                        .decode(Data.self).first { _ in true })
            }
            try await database.client.query(
                """
                UPDATE \(unescaped: table) SET completes_training = true, summary = \(summary), seal = \(seal),
                    seal_key = \(store.key.keyID)
                WHERE id = \(failed.id)
                """)

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(found.report == ComplianceReport(records: [failed, passed], schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.problems.count == 1, "\(found.problems)")
        }
    }

    @Test func aRowFromBeforeSealsIsVerifiedOnceAndSealed() async throws {
        try await Backend.postgres.withStore { store in
            let records = [
                SampleRecords.record(name: "Ana Ruiz", employeeID: "E1"),
                SampleRecords.record(name: "Ben Cho", employeeID: "E2", percent: 60, passed: false),
            ]
            for record in records { _ = try await store.repository.saveOnce(record) }
            try await store.execute(
                "UPDATE {schema}.completion_records SET signed_sha256 = NULL, summary = NULL, seal = NULL, seal_key = NULL")
            let expected = ComplianceReport(records: records, schoolYear: Self.year, asOf: Self.asOf)

            let first = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)

            #expect(first.report == expected && first.problems.isEmpty)
            let database = try #require(store.database)
            let table = database.quotedSchema + ".completion_records"
            let sealed = try await database.client.query(
                "SELECT count(*) FROM \(unescaped: table) WHERE seal IS NOT NULL AND seal_key = \(store.key.keyID)"
            ).decode(Int.self).first { _ in true }
            #expect(sealed == records.count)
            let second = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(second.report == expected && second.problems.isEmpty)
        }
    }
}

extension ContractStore {
    /// The database, for the PostgreSQL backend.
    var database: RecordDatabase? {
        if case .database(let database) = place { database } else { nil }
    }
}
