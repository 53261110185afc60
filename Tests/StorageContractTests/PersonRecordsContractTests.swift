import Foundation
import Records
import Storage
import TestSupport
import Testing

/// A person's records through each backend (the signed files; PostgreSQL when reachable, and
/// always in CI): found as the compliance report finds people, by employee id, else email, else
/// name, whatever the case and spacing; nobody else's.
@Suite struct PersonRecordsContractTests {
    @Test(arguments: Backend.underTest)
    func aPersonsRecordsAreTheirsOnly(backend: Backend) async throws {
        try await backend.withStore { store in
            let ana = [
                SampleRecords.record(name: "Ana Ruiz", employeeID: "E-7", completed: "2026-09-01T10:00:00-07:00"),
                SampleRecords.record(name: "Ana  Ruiz-Ortega", employeeID: " e-7 ", completed: "2026-09-20T10:00:00-07:00"),
            ]
            let others = [
                SampleRecords.record(name: "Ana Ruiz", employeeID: "E-8"),
                SampleRecords.record(name: "Kim Lee", email: "kim@example.org"),
                SampleRecords.record(name: "Sam Okafor"),
            ]
            for record in ana + others { _ = try await store.repository.saveOnce(record) }

            func ids(of person: Trainee) async throws -> Set<UUID> {
                Set(try await store.repository.records(of: person).map(\.record.id))
            }
            #expect(try await ids(of: Trainee(name: "anyone", employeeID: "e-7")) == Set(ana.map(\.id)))
            #expect(try await ids(of: Trainee(name: "K. Lee", email: "KIM@example.org ")) == [others[1].id])
            #expect(try await ids(of: Trainee(name: "sam  okafor")) == [others[2].id])
            #expect(try await ids(of: Trainee(name: "Nobody Here")).isEmpty)
        }
    }
}
