import Foundation
import RecordStore
import Records

/// What the table keeps beside a signed record: a jsonb copy of the record, its signature, and
/// the columns the report groups and orders by, all derived from the signed record itself.
/// The report checks the columns of every record it relies on against the verified record.
struct RecordColumns: Equatable {
    var id: UUID
    var personKey: String
    /// The employee id as the roster matches it ("" without one).
    var employeeKey: String
    /// Name and school as the roster matches a record without an employee id; nil otherwise.
    var rosterNameKey: String?
    var completedAt: Date
    var utcOffsetSeconds: Int
    /// The calendar day at the recorded offset, "YYYY-MM-DD".
    var completedOn: String
    var completesTraining: Bool

    init(_ record: CompletionRecord) {
        id = record.id
        personKey = ComplianceReport.personKey(of: record.trainee)
        employeeKey = record.trainee.employeeID.map(MatchingText.folded) ?? ""
        rosterNameKey =
            employeeKey.isEmpty
            ? record.trainee.school.map { ComplianceReport.rosterNameKey(name: record.trainee.name, school: $0) } : nil
        completedAt = record.completedAt.date
        utcOffsetSeconds = record.completedAt.utcOffsetSeconds
        completedOn = record.completedAt.calendarDate.description
        completesTraining = record.outcome.completesTraining
    }

    init(
        id: UUID, personKey: String, employeeKey: String, rosterNameKey: String?, completedAt: Date, utcOffsetSeconds: Int,
        completedOn: String, completesTraining: Bool
    ) {
        self.id = id
        self.personKey = personKey
        self.employeeKey = employeeKey
        self.rosterNameKey = rosterNameKey
        self.completedAt = completedAt
        self.utcOffsetSeconds = utcOffsetSeconds
        self.completedOn = completedOn
        self.completesTraining = completesTraining
    }

    /// The record as JSON for the jsonb column (keys sorted).
    static func json(_ record: CompletionRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }
}
