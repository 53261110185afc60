import Foundation
import RecordStore
import Records

/// What the table keeps beside a signed record: a jsonb copy of the record, its signature, and
/// the columns the report groups and orders by, all derived from the signed record itself.
/// The report checks the columns of every record it relies on against the verified record.
struct RecordColumns: Equatable {
    var id: UUID
    var personKey: String
    var completedAt: Date
    var utcOffsetSeconds: Int
    /// The calendar day at the recorded offset, "YYYY-MM-DD".
    var completedOn: String
    var completesTraining: Bool

    init(_ record: CompletionRecord) {
        id = record.id
        personKey = ComplianceReport.personKey(of: record.trainee)
        completedAt = record.completedAt.date
        utcOffsetSeconds = record.completedAt.utcOffsetSeconds
        completedOn = record.completedAt.calendarDate.description
        completesTraining = record.outcome.completesTraining
    }

    init(
        id: UUID, personKey: String, completedAt: Date, utcOffsetSeconds: Int, completedOn: String, completesTraining: Bool
    ) {
        self.id = id
        self.personKey = personKey
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
