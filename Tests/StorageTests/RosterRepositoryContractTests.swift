import Foundation
import Records
import Storage
import Testing

/// A roster backend under test: each call gives a new, empty repository and what removes it.
struct RosterBackend: Sendable, CustomTestStringConvertible {
    var name: String
    var empty: @Sendable () async throws -> (repository: any RosterRepository, remove: @Sendable () -> Void)
    var testDescription: String { name }

    /// The embedded default: a file in a new data directory.
    static let file = RosterBackend(name: "embedded file") {
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-roster-\(UUID().uuidString)")
        return (FileRosterRepository(dataDirectory: directory), { try? FileManager.default.removeItem(at: directory) })
    }

    /// Every backend the contract runs against (a database backend adds itself here).
    static let all: [RosterBackend] = [.file]
}

/// What every roster backend must do, whatever it stores the roster in.
struct RosterRepositoryContractTests {
    static let staff = [
        StaffMember(
            employeeID: "E-1042", name: "Ana Ruiz", email: "aruiz@example.org", school: "Lincoln High",
            district: "Tamalpais Union", role: "teacher", hireDate: CalendarDate("2026-09-01")),
        StaffMember(employeeID: "E-7", name: "Nguyễn Thị Minh", school: "Hoover Middle"),
        StaffMember(employeeID: "E-8", name: "Kim Lee", school: "Hoover Middle", role: "counselor"),
    ]

    @Test(arguments: RosterBackend.all)
    func noRosterUntilOneIsImported(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        #expect(try await repository.roster() == nil)
    }

    @Test(arguments: RosterBackend.all)
    func anImportedRosterReadsBackWithEveryDetail(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        let changes = try await repository.importRoster(Self.staff, scope: .wholeRoster)
        #expect(changes.added.count == 3 && changes.updated.isEmpty && changes.removed.isEmpty)
        #expect(try await repository.roster() == StaffRoster(Self.staff))
    }

    @Test(arguments: RosterBackend.all)
    func aSchoolsListReplacesOnlyThatSchool(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        _ = try await repository.importRoster(Self.staff, scope: .wholeRoster)
        let hoover = [StaffMember(employeeID: "E-7", name: "Nguyễn Thị Minh", school: "Hoover Middle", role: "teacher")]
        let changes = try await repository.importRoster(hoover, scope: .schoolsNamed)
        #expect(changes.updated.map(\.employeeID) == ["E-7"] && changes.removed.map(\.employeeID) == ["E-8"])
        #expect(try await repository.roster()?.staff.map(\.employeeID) == ["E-7", "E-1042"])
        let whole = try await repository.importRoster(hoover, scope: .wholeRoster)
        #expect(whole.removed.map(\.employeeID) == ["E-1042"] && whole.unchanged == 1)
        #expect(try await repository.roster()?.staff.map(\.employeeID) == ["E-7"])
    }

    @Test(arguments: RosterBackend.all)
    func aDryRunChangesNothing(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        _ = try await repository.importRoster([Self.staff[0]], scope: .wholeRoster)
        let preview = try await repository.previewImport(Self.staff, scope: .wholeRoster)
        #expect(preview.added.count == 2 && preview.unchanged == 1)
        #expect(try await repository.roster() == StaffRoster([Self.staff[0]]))
    }

    @Test(arguments: RosterBackend.all)
    func twoPeopleWithOneEmployeeIDAreRefused(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        let twice = Self.staff + [StaffMember(employeeID: "e-1042 ", name: "Someone Else", school: "Lincoln High")]
        await #expect(throws: StorageError.roster(.duplicateEmployeeID("e-1042 "))) {
            try await repository.importRoster(twice, scope: .wholeRoster)
        }
        await #expect(throws: StorageError.roster(.duplicateEmployeeID("e-1042 "))) {
            try await repository.previewImport(twice, scope: .wholeRoster)
        }
        #expect(try await repository.roster() == nil)
    }

    /// Imports at once take turns: each school's list is kept, none is lost.
    @Test(arguments: RosterBackend.all)
    func importsAtOnceKeepEverySchool(_ backend: RosterBackend) async throws {
        let (repository, remove) = try await backend.empty()
        defer { remove() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for school in 0..<8 {
                group.addTask {
                    let staff = (0..<20).map {
                        StaffMember(employeeID: "S\(school)-\($0)", name: "P \($0)", school: "School \(school)")
                    }
                    _ = try await repository.importRoster(staff, scope: .schoolsNamed)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await repository.roster()?.staff.count == 160)
    }
}
