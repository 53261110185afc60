import Crypto
import Foundation
import PostgresNIO
import RecordStore
import Records
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// A report hashes only the signed files of rows written or changed since the last report
/// (``RowVersionCheck``): a row changed after it was checked is hashed again and caught, and a
/// check written without the installation key is not believed.
@Suite(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
struct PostgresRowVersionCheckTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2026-11-30")!

    @Test func aReportRecordsTheRowsItHashedAndTheNextOneTrustsOnlyThose() async throws {
        try await Backend.postgres.withStore { store in
            let records = (1...3).map { SampleRecords.record(name: "Person \($0)", employeeID: "E\($0)") }
            for record in records { _ = try await store.repository.saveOnce(record) }
            let database = try #require(store.database)
            #expect(try await Self.checkedIDs(database).isEmpty)

            let first = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(first.problems.isEmpty)
            #expect(try await Self.checkedIDs(database) == Set(records.map(\.id)))
            let second = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(second.report == first.report && second.problems.isEmpty)
        }
    }

    @Test func aSignedFileAlteredAfterItsRowWasCheckedIsCaught() async throws {
        try await Backend.postgres.withStore { store in
            let passed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: 90, passed: true)
            let other = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            for record in [passed, other] { _ = try await store.repository.saveOnce(record) }
            _ = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)

            try await store.alterStoredFile(of: passed.id, replacing: "\"percent\" : 90", with: "\"percent\" : 99")

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(found.report == ComplianceReport(records: [other], schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.problems.count == 1, "\(found.problems)")
        }
    }

    enum ForgedCheck: String, CaseIterable, Sendable {
        /// The altered row's check, moved to its new version, with the old MAC.
        case movedToTheNewVersion
        /// A check of the new version, with a MAC under a key that is not the installation's.
        case anotherKey
    }

    @Test(arguments: ForgedCheck.allCases)
    func aForgedCheckIsNotBelieved(forgery: ForgedCheck) async throws {
        try await Backend.postgres.withStore { store in
            let passed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: 90, passed: true)
            let other = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            for record in [passed, other] { _ = try await store.repository.saveOnce(record) }
            _ = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            let database = try #require(store.database)

            try await store.alterStoredFile(of: passed.id, replacing: "\"percent\" : 90", with: "\"percent\" : 99")
            let table = database.quotedSchema + ".completion_records"
            let version = try #require(
                try await database.client.query("SELECT xmin::text::bigint FROM \(unescaped: table) WHERE id = \(passed.id)")
                    .decode(Int64.self).first { _ in true })
            switch forgery {
            case .movedToTheNewVersion:
                try await store.execute(
                    "UPDATE {schema}.record_checks SET row_version = \(version) WHERE id = '\(passed.id)'")
            case .anotherKey:
                let mac = RowVersionCheck(key: InstallationKey(privateKey: Curve25519.Signing.PrivateKey()))
                    .mac(id: passed.id, version: version)
                try await store.execute(
                    "UPDATE {schema}.record_checks SET row_version = \(version), mac = decode('\(mac.base64EncodedString())', 'base64') WHERE id = '\(passed.id)'"
                )
            }

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(found.report == ComplianceReport(records: [other], schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.problems.count == 1, "\(found.problems)")
        }
    }

    static func checkedIDs(_ database: RecordDatabase) async throws -> Set<UUID> {
        var ids: Set<UUID> = []
        for try await id in try await database.client.query(database.sql("SELECT id FROM {schema}.record_checks"))
            .decode(UUID.self)
        {
            ids.insert(id)
        }
        return ids
    }
}
