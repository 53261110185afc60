import Crypto
import Foundation
import RecordStore
import Records
import Storage
import Synchronization
import TestSupport
import Testing

/// What every backend of ``RecordRepository`` must do, run against each (the signed files;
/// PostgreSQL when reachable, and always in CI). A backend is done when this suite passes.
@Suite struct RecordRepositoryContractTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2026-11-30")!

    @Test(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
    func postgresIsReachableForTheSuite() {
        #expect(TestDatabase.isReachable, "CI must run the contract suite on PostgreSQL: \(TestDatabase.skipMessage)")
    }

    @Test(arguments: Backend.underTest)
    func aRecordIsWrittenOnceAndTheFirstStands(backend: Backend) async throws {
        try await backend.withStore { store in
            let record = SampleRecords.record(percent: 85)
            var again = record
            again.score?.percent = 100

            let first = try await store.repository.saveOnce(record)
            let second = try await store.repository.saveOnce(again)

            #expect(first.isNew && !second.isNew)
            #expect(try await store.repository.find(record.id.uuidString).record == record)
            #expect(try await store.repository.summaries().summaries.map(\.id) == [record.id.uuidString.lowercased()])
        }
    }

    @Test(arguments: Backend.underTest)
    func findsByIdOrPrefixAndSaysWhenAPrefixIsAmbiguousOrUnknown(backend: Backend) async throws {
        try await backend.withStore { store in
            let ids = [
                "aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002",
                "cccccccc-0000-4000-8000-000000000003",
            ].compactMap(UUID.init)
            for id in ids { _ = try await store.repository.saveOnce(SampleRecords.record(id: id)) }

            #expect(try await store.repository.find("AAAAAAAA-0000-4000-8000-000000000002").record.id == ids[1])
            #expect(try await store.repository.find("cccc").record.id == ids[2])
            let ambiguous = await #expect(throws: StorageError.self) { try await store.repository.find("aaaaaaaa") }
            #expect(ambiguous == .ambiguousID(prefix: "aaaaaaaa", matches: ids.prefix(2).map { $0.uuidString.lowercased() }))
            let unknown = await #expect(throws: StorageError.self) { try await store.repository.find("bbbb") }
            #expect(unknown == .noSuchRecord(id: "bbbb", location: store.repository.location))
        }
    }

    /// Changes to a stored record's bytes, each of which verification must catch.
    static let alterations: [(text: String, replacement: String)] = [
        ("\"name\" : \"Ana Ruiz\"", "\"name\" : \"Ana Ruis\""),
        ("\"percent\" : 90", "\"percent\" : 99"),
        ("\"passed\" : false", "\"passed\" : true "),
        ("\"completedAt\" : \"2026-09-15", "\"completedAt\" : \"2026-09-16"),
    ]

    @Test(arguments: Backend.underTest, alterations.indices)
    func everyReadRefusesAnAlteredRecordAndTheReportLeavesItOut(backend: Backend, alteration: Int) async throws {
        let (text, replacement) = Self.alterations[alteration]
        try await backend.withStore { store in
            let passed = !text.contains("passed")
            let altered = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: passed ? 90 : 60, passed: passed)
            let intact = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            _ = try await store.repository.saveOnce(altered)
            _ = try await store.repository.saveOnce(intact)

            try await store.alterStoredFile(of: altered.id, replacing: text, with: replacement)

            let refused = await #expect(throws: StorageError.self) { try await store.repository.find(altered.id.uuidString) }
            #expect(refused.map(Self.isAltered) == true, "\(String(describing: refused))")
            let summaries = try await store.repository.summaries()
            #expect(summaries.summaries.map(\.trainee.name) == ["Ben Cho"])
            #expect(summaries.problems.count == 1)
            let report = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(report.report == ComplianceReport(records: [intact], schoolYear: Self.year, asOf: Self.asOf))
            #expect(report.problems.count == 1)
            var exported: [String] = []
            let problems = try await store.repository.forEachRecord { exported.append($0.record.trainee.name) }
            #expect(exported == ["Ben Cho"] && problems.count == 1)
        }
    }

    @Test(arguments: Backend.underTest)
    func concurrentWritersLoseAndDuplicateNothing(backend: Backend) async throws {
        try await backend.withStore { store in
            let records = (0..<200).map { SampleRecords.record(name: "Trainee \($0)", employeeID: "E\($0)") }
            let repeated = SampleRecords.record(name: "Finished twice")
            let repository = store.repository
            let newCount = try await withThrowingTaskGroup(of: Bool.self) { group in
                for record in records + Array(repeating: repeated, count: 20) {
                    group.addTask { try await repository.saveOnce(record).isNew }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(newCount == 201)
            let summaries = try await repository.summaries()
            #expect(summaries.problems.isEmpty)
            #expect(
                summaries.summaries.map(\.id).sorted() == (records + [repeated]).map { $0.id.uuidString.lowercased() }.sorted())
        }
    }

    @Test(arguments: Backend.underTest)
    func importingTheSameSignedRecordTwiceAddsItOnce(backend: Backend) async throws {
        let elsewhere = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        let record = SampleRecords.record(name: "Carla Diaz", employeeID: "E7")
        let file = try SignedRecord(signing: record, with: elsewhere).fileContents()
        try await backend.withStore(trusting: [elsewhere.publicKey]) { store in
            let first = try await store.repository.importSigned(file, from: "usb/carla.json")
            let second = try await store.repository.importSigned(file, from: "usb/carla.json")

            #expect(first.isNew && !second.isNew)
            let found = try await store.repository.find(record.id.uuidString)
            #expect(found.bytes == file && found.record == record)
            let report = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(report.report == ComplianceReport(records: [record], schoolYear: Self.year, asOf: Self.asOf))
            #expect(report.problems.isEmpty)
        }
    }

    /// Signed files an import must refuse, and the error each gets.
    enum Forgery: String, CaseIterable, Sendable {
        case alteredByte, untrustedKey, conflictingRecord, notARecord
    }

    @Test(arguments: Backend.underTest, Forgery.allCases)
    func anImportRefusesForgedAlteredOrConflictingRecords(backend: Backend, forgery: Forgery) async throws {
        let trusted = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        let stranger = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        let record = SampleRecords.record(name: "Dev Patel", employeeID: "E9")
        try await backend.withStore(trusting: [trusted.publicKey]) { store in
            let genuine = try SignedRecord(signing: record, with: trusted).fileContents()
            let file: Data
            switch forgery {
            case .alteredByte:
                file = Data(String(decoding: genuine, as: UTF8.self).replacing("Dev Patel", with: "Dev Pate1").utf8)
            case .untrustedKey:
                file = try SignedRecord(signing: record, with: stranger).fileContents()
            case .conflictingRecord:
                _ = try await store.repository.importSigned(genuine, from: "first.json")
                var changed = record
                changed.score?.percent = 100
                file = try SignedRecord(signing: changed, with: trusted).fileContents()
            case .notARecord:
                file = Data("{\"hello\": 1}\n".utf8)
            }

            let error = await #expect(throws: StorageError.self) { try await store.repository.importSigned(file, from: "x.json") }
            switch (forgery, error) {
            case (.alteredByte, .altered(let location, _)?), (.untrustedKey, .untrustedKey(let location, _, _)?),
                (.conflictingRecord, .conflicting(let location, _, _)?), (.notARecord, .notARecord(let location, _)?):
                #expect(location == "x.json")
            default:
                Issue.record("\(forgery): \(String(describing: error))")
            }
            let stored = try await store.repository.summaries().summaries
            #expect(stored.count == (forgery == .conflictingRecord ? 1 : 0))
            #expect(stored.allSatisfy { $0.outcome == .scored(percent: 90, passed: true) })
        }
    }

    @Test(arguments: Backend.underTest)
    func theReportEqualsTheSwiftReportOverTheSameRecords(backend: Backend) async throws {
        let records = ReportScenario.records
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }
            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)
            #expect(found.problems.isEmpty)
            #expect(found.report == ComplianceReport(records: records, schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.report.rows.count == ReportScenario.people)
        }
    }

    /// School years of every kind: starting on July 1 (PostgreSQL reads its `report_people`)
    /// or on another day (it groups the records), before, during and after the scenario's.
    static let otherYears: [(label: String, start: String?)] = [
        ("2025-2026", nil), ("2027-2028", nil), ("2026-2027", "2026-09-10"), ("2026-2027", "2026-12-31"),
    ]

    @Test(arguments: Backend.underTest, otherYears.indices)
    func theReportOfEveryKindOfSchoolYearEqualsTheSwiftReport(backend: Backend, year index: Int) async throws {
        let (label, start) = Self.otherYears[index]
        let year = try #require(SchoolYear(label, start: start.flatMap { CalendarDate($0) }))
        let asOf = year.start.adding(days: 150)
        let records = ReportScenario.records
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }
            let found = try await store.repository.complianceReport(for: year, asOf: asOf)
            #expect(found.problems.isEmpty)
            #expect(found.report == ComplianceReport(records: records, schoolYear: year, asOf: asOf))
        }
    }

    @Test(arguments: Backend.underTest)
    func everyRecordIsExportedAsItsExactSignedFile(backend: Backend) async throws {
        try await backend.withStore { store in
            let records = (0..<5).map { SampleRecords.record(name: "Export \($0)") }
            for record in records { _ = try await store.repository.saveOnce(record) }
            let exported = Mutex<[UUID: Data]>([:])
            let problems = try await store.repository.forEachRecord { record in
                exported.withLock { $0[record.record.id] = record.bytes }
            }
            #expect(problems.isEmpty)
            let files = exported.withLock { $0 }
            #expect(Set(files.keys) == Set(records.map(\.id)))
            for record in records {
                let expected = try SignedRecord.read(try #require(files[record.id]), path: "export")
                #expect(expected.record == record)
                #expect(expected.signature.keyID == store.key.keyID)
            }
        }
    }

    private static func isAltered(_ error: StorageError) -> Bool {
        if case .altered = error { true } else { false }
    }
}
