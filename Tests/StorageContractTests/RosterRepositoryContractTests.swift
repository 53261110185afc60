import Foundation
import Records
import Storage
import TestSupport
import Testing

/// What every backend of ``RosterRepository`` must do, and the report with the roster, run
/// against each backend as ``RecordRepositoryContractTests`` are.
@Suite struct RosterRepositoryContractTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2026-11-30")!

    static func member(_ id: String, _ name: String, _ school: String, hired: String? = nil) -> StaffMember {
        StaffMember(
            employeeID: id, name: name, email: "\(id.lowercased())@example.org", school: school, district: "Tamalpais Union",
            role: "teacher", hireDate: hired.flatMap { CalendarDate($0) })
    }

    @Test(arguments: Backend.underTest)
    func anImportIsReadBackAndReplacesOnlyTheSchoolsItNames(backend: Backend) async throws {
        let first = [
            Self.member("E1", "Ana Ruiz", "Lincoln High"), Self.member("E2", "Ben Cho", "Lincoln High"),
            Self.member("E3", "Cara Lee", "Park Elementary", hired: "2026-08-20"),
        ]
        let second = [Self.member("E1", "Ana Ruiz-Gomez", "Lincoln High"), Self.member("E4", "Dan Wu", "Lincoln High")]
        try await backend.withStore { store in
            #expect(try await store.rosters.roster() == nil)
            _ = try await store.rosters.importRoster(first, scope: .schoolsNamed)
            let changes = try await store.rosters.importRoster(second, scope: .schoolsNamed)

            let expected = StaffRoster(first).importing(second, scope: .schoolsNamed)
            #expect(try await store.rosters.roster() == expected.roster)
            #expect(changes == expected.changes)
            #expect(expected.roster.staff.map(\.employeeID).sorted() == ["E1", "E3", "E4"])
        }
    }

    @Test(arguments: Backend.underTest)
    func anImportGivingOneEmployeeIDTwiceIsRefusedAndChangesNothing(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.rosters.importRoster([Self.member("E1", "Ana Ruiz", "Lincoln High")], scope: .wholeRoster)
            let error = await #expect(throws: StorageError.self) {
                try await store.rosters.importRoster(
                    [Self.member("E7", "Gus Hale", "Lincoln High"), Self.member(" e7", "Gus Hale Jr", "Park")],
                    scope: .wholeRoster)
            }
            #expect(error == .roster(.duplicateEmployeeID(" e7")))
            #expect(try await store.rosters.roster()?.staff.map(\.employeeID) == ["E1"])
        }
    }

    @Test(arguments: Backend.underTest)
    func importsAtOnceTakeTurnsAndLoseNobody(backend: Backend) async throws {
        try await backend.withStore { store in
            let rosters = store.rosters
            try await withThrowingTaskGroup(of: Void.self) { group in
                for school in 0..<8 {
                    group.addTask {
                        let staff = (0..<5).map { Self.member("S\(school)-\($0)", "Person \($0)", "School \(school)") }
                        _ = try await rosters.importRoster(staff, scope: .schoolsNamed)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await rosters.roster()?.staff.count == 40)
        }
    }

    /// Everyone on the roster, matched by employee id, by name and school (to confirm), or not
    /// at all; people with records who are not on it; one name two members share.
    static let roster = [
        member("E1", "Ana Ruiz", "Lincoln High"), member("E4", "Dan Wu", "Lincoln High", hired: "2026-11-01"),
        member("E8", "Hal Ames", "Lincoln High"), member("E20", "Nia Bell", "Lincoln High", hired: "2026-07-15"),
        member("E30", "Cara Lee", "Park Elementary"), member("E40", "Sam Fox", "Lincoln High"),
        member("E41", "Sam Fox", "Lincoln High"),
    ]
    static let records =
        ReportScenario.records + [
            SampleRecords.record(name: "Sam Fox", completed: "2026-09-03T09:00:00-07:00"),
            SampleRecords.record(name: "Ña Ruíz", school: "Lincoln High", completed: "2026-09-04T09:00:00-07:00"),
        ]

    @Test(arguments: Backend.underTest)
    func theReportWithTheRosterEqualsTheSwiftReport(backend: Backend) async throws {
        try await backend.withStore { store in
            for record in Self.records { _ = try await store.repository.saveOnce(record) }
            _ = try await store.rosters.importRoster(Self.roster, scope: .wholeRoster)
            let roster = try #require(try await store.rosters.roster())
            let verified = try await store.repository.summaries()

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf, roster: roster)

            #expect(found.problems.isEmpty && verified.problems.isEmpty)
            let expected = ComplianceReport(
                completions: verified.summaries, roster: roster, schoolYear: Self.year, asOf: Self.asOf)
            #expect(found.report == expected)
            let standings = found.report.rows.map { $0.roster }
            #expect(standings.filter { $0 == .listed }.count == 6)
            #expect(standings.filter { $0 == .confirmMatch }.count == 1)
            #expect(found.report.rows.contains { $0.name == "Nia Bell" && $0.attempts == 0 && $0.status == .overdue })
            #expect(found.report.rows.contains { $0.verificationCode != nil })
        }
    }

    @Test(arguments: Backend.underTest)
    func theReportWithTheRosterLeavesOutAnAlteredRecord(backend: Backend) async throws {
        try await backend.withStore { store in
            let passed = SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", completed: "2026-09-15T09:00:00-07:00")
            let failed = SampleRecords.record(
                name: "Ana Ruiz", employeeID: "E1", completed: "2026-09-01T09:00:00-07:00", percent: 60, passed: false)
            for record in [passed, failed] { _ = try await store.repository.saveOnce(record) }
            _ = try await store.rosters.importRoster(Self.roster, scope: .wholeRoster)
            let roster = try #require(try await store.rosters.roster())
            try await store.alterStoredFile(of: passed.id, replacing: "\"percent\" : 90", with: "\"percent\" : 99")

            let found = try await store.repository.complianceReport(for: Self.year, asOf: Self.asOf, roster: roster)

            #expect(found.problems.count == 1)
            let ana = try #require(found.report.rows.first { $0.employeeID == "E1" })
            #expect(ana.status == .overdue && ana.attempts == 1 && ana.recordID == nil)
        }
    }
}
