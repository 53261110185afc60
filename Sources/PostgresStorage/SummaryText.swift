import Foundation
import RecordStore
import Records

/// A record's summary as the `summary` column keeps it: its fields in one line, separated by
/// tabs (a tab, a line end or a backslash in a field escaped with a backslash), an absent
/// optional field empty and a present one starting with "=". The row's seal covers it, so the
/// report reads it instead of the signed file.
enum SummaryText {
    static func text(of summary: CompletionSummary) -> String {
        let trainee = summary.trainee
        let fields: [String] =
            [
                summary.id, summary.completedAt.description, summary.outcome.resultCode,
                summary.outcome.percent.map(String.init) ?? "",
                summary.jurisdiction, trainee.name,
            ]
            + [
                trainee.employeeID, trainee.email, trainee.school, trainee.district, trainee.role,
                trainee.hireDate?.description, summary.verificationCode,
            ].map { $0.map { "=" + $0 } ?? "" }
        return fields.map(escaped).joined(separator: "\t")
    }

    /// The summary in `text`, or nil when it is not one.
    static func summary(in text: String) -> CompletionSummary? {
        let fields = text.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(unescaped)
        guard fields.count == 13, let completedAt = Timestamp(fields[1]) else { return nil }
        guard let outcome = CompletionOutcome(resultCode: fields[2], percent: fields[3]) else { return nil }
        func optional(_ field: String) -> String? { field.hasPrefix("=") ? String(field.dropFirst()) : nil }
        var hireDate: CalendarDate?
        if let text = optional(fields[11]) {
            guard let date = CalendarDate(text) else { return nil }
            hireDate = date
        }
        return CompletionSummary(
            id: fields[0],
            trainee: Trainee(
                name: fields[5], employeeID: optional(fields[6]), email: optional(fields[7]), school: optional(fields[8]),
                district: optional(fields[9]), role: optional(fields[10]), hireDate: hireDate),
            completedAt: completedAt, outcome: outcome, jurisdiction: fields[4], verificationCode: optional(fields[12]))
    }

    private static func escaped(_ field: String) -> String { TabSeparatedField.escaped(field) }

    private static func unescaped(_ bytes: Substring.UTF8View) -> String { TabSeparatedField.unescaped(bytes) }
}
