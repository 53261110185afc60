import Foundation
import PostgresNIO
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// `report_people` (``ReportPeople``) stays what grouping every record would give, whatever
/// writes, changes or deletes the records; a row of it changed by hand is caught by the report,
/// which then groups the records themselves and counts the table again.
@Suite(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
struct PostgresReportPeopleTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2026-11-30")!

    /// What can happen to the records: one saved, a thousand-row batch saved, a row's person or
    /// date changed, a row deleted, a row's seal rewritten (no column the report uses).
    enum Change: CaseIterable {
        case saveOne, saveBatch, changePerson, changeDate, delete, rewriteSeal
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func theTableIsTheRecordsGroupedAfterAnyChanges(seed: UInt64) async throws {
        try await Backend.postgres.withStore { store in
            var random = SplitMix64(seed: seed)
            let repository = try #require(store.repository as? PostgresRecordRepository)
            for _ in 0..<12 {
                let change = Change.allCases.randomElement(using: &random)!
                let id = try await Self.someID(store)
                switch change {
                case .saveOne:
                    _ = try await repository.saveOnce(Self.record(using: &random))
                case .saveBatch:
                    _ = try await repository.saveAll(
                        (0..<Int.random(in: 2...40, using: &random)).map { _ in
                            Self.record(using: &random)
                        })
                case .changePerson:
                    let person = Self.people.randomElement(using: &random)!
                    try await store.execute(
                        "UPDATE {schema}.completion_records SET person_key = 'e:\(person)', employee_key = '\(person)' WHERE id = '\(id)'"
                    )
                case .changeDate:
                    try await store.execute(
                        "UPDATE {schema}.completion_records SET completed_on = completed_on - 200, completed_at = completed_at - interval '200 days' WHERE id = '\(id)'"
                    )
                case .delete:
                    try await store.execute("DELETE FROM {schema}.completion_records WHERE id = '\(id)'")
                case .rewriteSeal:
                    try await store.execute("UPDATE {schema}.completion_records SET seal = seal WHERE id = '\(id)'")
                }
                #expect(try await Self.differences(store) == 0, "after \(change)")
            }
        }
    }

    @Test func writersOfOnePersonAtOnceLoseNoAttempt() async throws {
        try await Backend.postgres.withStore { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for day in 1...40 {
                    group.addTask {
                        _ = try await store.repository.saveOnce(
                            SampleRecords.record(
                                name: "Ana Ruiz", employeeID: "E1",
                                completed: "2026-10-\(String(format: "%02d", day % 28 + 1))T09:00:00-07:00"))
                    }
                }
                try await group.waitForAll()
            }
            let attempts = try await Self.query(store, "SELECT sum(attempts)::bigint FROM {schema}.report_people")
            #expect(attempts == 40)
            #expect(try await Self.differences(store) == 0)
        }
    }

    /// Rows of `report_people` changed by hand: a passing record named that is another
    /// person's, or from the year before, or not passing at all.
    enum Forgery: CaseIterable {
        case anotherPersonsPass, lastYearsPass, aFailureAsThePass
    }

    @Test(arguments: Forgery.allCases)
    func aForgedRowIsCaughtAndTheReportComesFromTheRecords(forgery: Forgery) async throws {
        try await Backend.postgres.withStore { store in
            let failed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", percent: 40, passed: false)
            let lastYear = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", completed: "2026-03-01T09:00:00-08:00")
            let other = SampleRecords.record(name: "Ben Cho", employeeID: "E2")
            let records = [failed, lastYear, other]
            for record in records { _ = try await store.repository.saveOnce(record) }
            let named =
                switch forgery {
                case .anotherPersonsPass: other.id
                case .lastYearsPass: lastYear.id
                case .aFailureAsThePass: failed.id
                }
            try await store.execute(
                "UPDATE {schema}.report_people SET passing_id = '\(named)' WHERE employee_key = 'e1' AND year_start = '2026-07-01'"
            )
            #expect(try await Self.differences(store) > 0)

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf)

            #expect(found.report == ComplianceReport(records: records, schoolYear: Self.year, asOf: Self.asOf))
            #expect(found.problems.count == 1, "\(found.problems)")
            #expect(found.problems.first?.description.contains("report_people") == true)
            #expect(try await Self.differences(store) == 0)
        }
    }

    // MARK: - Helpers

    static let people = ["e1", "e2", "e3", "e4", "e5"]

    static func record(using random: inout SplitMix64) -> CompletionRecord {
        let index = Int.random(in: 0..<people.count, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        // March and June are in the school year before, the other months in 2026-2027.
        let month = [3, 6, 7, 9, 11].randomElement(using: &random)!
        return SampleRecords.record(
            name: "Person \(index)", employeeID: "E\(index + 1)",
            completed: String(format: "2026-%02d-%02dT09:00:00-07:00", month, day),
            percent: Int.random(in: 0...100, using: &random), passed: Bool.random(using: &random))
    }

    /// Some stored record's id (a zero id when there is none: the change then touches nothing).
    static func someID(_ store: ContractStore) async throws -> UUID {
        let database = try #require(store.database)
        return try await database.client.query(
            database.sql("SELECT id FROM {schema}.completion_records ORDER BY random() LIMIT 1")
        ).decode(UUID.self).first { _ in true } ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }

    /// The rows in which the table and the records grouped afresh differ, both ways.
    static func differences(_ store: ContractStore) async throws -> Int64 {
        let fresh = ReportPeople.grouped("{schema}.completion_records")
        let table = "SELECT \(ReportPeople.columns) FROM {schema}.report_people"
        return try await query(
            store,
            """
            SELECT ((SELECT count(*) FROM ((\(fresh)) EXCEPT ALL (\(table))) AS missing)
                + (SELECT count(*) FROM ((\(table)) EXCEPT ALL (\(fresh))) AS extra))::bigint
            """)
    }

    static func query(_ store: ContractStore, _ sql: String) async throws -> Int64 {
        let database = try #require(store.database)
        return try #require(
            try await database.client.query(database.sql(sql)).decode(Int64.self).first { _ in true })
    }
}
