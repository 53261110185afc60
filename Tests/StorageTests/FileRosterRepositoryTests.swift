import Foundation
import RecordStore
import Records
import Storage
import TestSupport
import Testing

/// The embedded roster file (the contract every backend meets is in
/// RosterRepositoryContractTests): readable by its owner only, written whole or not at all, and
/// what it cannot read is refused.
struct FileRosterRepositoryTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-roster-\(UUID().uuidString)")

    static let staff = [
        StaffMember(
            employeeID: "E-1042", name: "Ana Ruiz", email: "aruiz@example.org", school: "Lincoln High",
            district: "Tamalpais Union", role: "teacher", hireDate: CalendarDate("2026-09-01")),
        StaffMember(employeeID: "E-7", name: "Nguyễn Thị Minh", school: "Hoover Middle"),
    ]

    @Test func anImportedRosterReadsBackOnlyItsOwnerCanReadIt() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let repository = FileRosterRepository(dataDirectory: dataDirectory)
        let changes = try await repository.importRoster(Self.staff, scope: .wholeRoster)
        #expect(changes.added.count == 2)
        #expect(try await repository.roster() == StaffRoster(Self.staff))
        let attributes = try FileManager.default.attributesOfItem(atPath: repository.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path).filter { $0.hasSuffix(".tmp") } == [])
    }

    /// A crash at any system call of an import leaves the old roster or the new one.
    @Test func aCrashAtAnyPointLeavesTheOldRosterOrTheNewOne() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let old = [Self.staff[0]]
        let counting = FaultInjectingOperations(crashAt: .max)
        _ = try await FileRosterRepository(dataDirectory: dataDirectory, operations: counting)
            .importRoster(old, scope: .wholeRoster)
        let calls = counting.callCount
        #expect(calls >= 5)
        var outcomes: Set<Int> = []
        for crashAt in 0..<calls {
            _ = try await FileRosterRepository(dataDirectory: dataDirectory).importRoster(old, scope: .wholeRoster)
            let crashing = FileRosterRepository(
                dataDirectory: dataDirectory, operations: FaultInjectingOperations(crashAt: crashAt))
            _ = try? await crashing.importRoster(Self.staff, scope: .wholeRoster)
            let after = try #require(try await FileRosterRepository(dataDirectory: dataDirectory).roster())
            #expect(after == StaffRoster(old) || after == StaffRoster(Self.staff), "crash at call \(crashAt)")
            outcomes.insert(after.staff.count)
        }
        #expect(outcomes == [1, 2], "some crashes come before the new roster is in place, some after")
        _ = try await FileRosterRepository(dataDirectory: dataDirectory).importRoster(old, scope: .wholeRoster)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path).filter { $0.hasSuffix(".tmp") } == [])
    }

    @Test func aNewerFormatIsRefusedNotRewritten() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let repository = FileRosterRepository(dataDirectory: dataDirectory)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let newer = Data(#"{"format": "csec-trainer-staff-roster", "formatVersion": 2, "people": []}"#.utf8)
        try newer.write(to: repository.file)
        let refusal = StorageError.roster(.newerFormat(path: repository.file.path, found: 2, supported: 1))
        await #expect(throws: refusal) { try await repository.roster() }
        await #expect(throws: refusal) { try await repository.importRoster(Self.staff, scope: .wholeRoster) }
        #expect(try Data(contentsOf: repository.file) == newer)
        #expect(refusal.description.hasSuffix("Update csec-trainer."))
    }

    @Test(arguments: ["", "{}", #"{"format": "csec-trainer-staff-roster", "formatVersion": 1}"#, "[1, 2"])
    func aDamagedFileIsReportedByName(_ text: String) async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let repository = FileRosterRepository(dataDirectory: dataDirectory)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: repository.file)
        do {
            _ = try await repository.roster()
            Issue.record("a damaged roster was read")
        } catch {
            guard case .roster(.damaged(let path, _)) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == repository.file.path)
            #expect(error.description.hasSuffix("import the staff list again."))
        }
    }

    /// The documented JSON Schema describes the file the repository writes.
    @Test func theRosterFileMatchesItsSchema() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let repository = FileRosterRepository(dataDirectory: dataDirectory)
        _ = try await repository.importRoster(Self.staff, scope: .wholeRoster)
        let schema = Fixtures.repositoryRoot.appending(path: "schemas/staff-roster.schema.json")
        #expect(try JSONSchemaCheck.errors(in: Data(contentsOf: repository.file), schema: schema) == [])
        let wrong = Data(#"{"format": "csec-trainer-staff-roster", "formatVersion": 1, "staff": [{"name": "A"}]}"#.utf8)
        #expect(try !JSONSchemaCheck.errors(in: wrong, schema: schema).isEmpty)
    }
}
