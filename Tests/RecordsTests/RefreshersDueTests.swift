import Foundation
import Records
import TestSupport
import Testing

/// Who is due a refresher as of a date, from planted completions.
struct RefreshersDueTests {
    static let year = SchoolYear("2026-2027")!

    static func summary(_ employeeID: String, _ completed: String, _ outcome: CompletionOutcome) -> CompletionSummary {
        CompletionSummary(
            id: UUID().uuidString.lowercased(), trainee: Trainee(name: "Person \(employeeID)", employeeID: employeeID),
            completedAt: Timestamp(completed)!, outcome: outcome, jurisdiction: "marin")
    }

    static let passed = CompletionOutcome.scored(percent: 90, passed: true)
    static let refresher = CompletionOutcome.practice(.refresher, percent: 60)

    @Test func theRefresherDueIsTheFirstNotTakenSinceTheLatestPass() throws {
        let completions = [
            Self.summary("A", "2026-09-15T10:00:00-07:00", Self.passed),
            Self.summary("B", "2026-09-15T10:00:00-07:00", Self.passed),
            Self.summary("B", "2026-10-07T10:00:00-07:00", Self.refresher),
            Self.summary("C", "2026-09-01T10:00:00-07:00", .scored(percent: 50, passed: false)),
            Self.summary("D", "2026-09-01T10:00:00-07:00", .attended(wholeSession: true)),
            Self.summary("E", "2026-08-01T10:00:00-07:00", Self.refresher),
            Self.summary("E", "2026-09-10T10:00:00-07:00", Self.passed),
            Self.summary("E", "2026-09-20T10:00:00-07:00", .scored(percent: 50, passed: false)),
            Self.summary("F", "2026-10-09T10:00:00-07:00", Self.passed),
        ]
        let due = RefreshersDue(
            completions: completions, schoolYearsLike: Self.year, asOf: try #require(CalendarDate("2026-10-10")))
        #expect(
            due.rows.map(\.trainee.employeeID) == ["E", "A"],
            "oldest due first; B took theirs, C and D did not pass alone, F too soon")
        let first = try #require(due.rows.first)
        #expect(first.dueSince.description == "2026-10-01" && first.number == 1 && first.scheduled == 2)
        #expect(first.nextTrainingDue.description == "2027-08-12")

        let later = RefreshersDue(
            completions: completions, schoolYearsLike: Self.year, asOf: try #require(CalendarDate("2026-11-20")))
        let b = try #require(later.rows.first { $0.trainee.employeeID == "B" })
        #expect(b.number == 2 && b.dueSince.description == "2026-11-17")
    }

    @Test func aRefresherRecordIsPracticeAndCompletesNothing() throws {
        var record = SampleRecords.record(percent: 40, passed: false)
        record = CompletionRecord(
            id: record.id, trainee: record.trainee, training: record.training, mode: record.mode, startedAt: record.startedAt,
            completedAt: record.completedAt, activeSeconds: record.activeSeconds, questions: record.questions,
            score: record.score, purpose: .refresher)
        #expect(record.outcome == .practice(.refresher, percent: 40))
        #expect(!CompletionSummary(record).outcome.completesTraining)
    }
}
