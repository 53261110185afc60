import Records
import TestSupport
import Testing

/// A practice record (a pre-test or a refresher) shows its purpose and completes nothing, however
/// high its score; the training itself is judged by its score as before.
@Suite struct PracticeOutcomeTests {
    static func record(_ purpose: AttemptPurpose, passed: Bool) -> CompletionRecord {
        let sample = SampleRecords.record(employeeID: "E1", percent: passed ? 95 : 40, passed: passed)
        return CompletionRecord(
            id: sample.id, trainee: sample.trainee, training: sample.training, mode: sample.mode,
            startedAt: sample.startedAt, completedAt: sample.completedAt, activeSeconds: sample.activeSeconds,
            questions: sample.questions, score: sample.score, purpose: purpose)
    }

    @Test(arguments: [AttemptPurpose.preTest, .refresher], [true, false])
    func practiceCompletesNothingWhateverItsScore(purpose: AttemptPurpose, passed: Bool) {
        let record = Self.record(purpose, passed: passed)
        #expect(record.outcome == .practice(purpose, percent: passed ? 95 : 40))
        #expect(!record.outcome.completesTraining)
        #expect(CompletionSummary(record).outcome.resultCode == (purpose == .preTest ? "b" : "r"))
        let year = SchoolYear("2026-2027")!
        let report = ComplianceReport(
            completions: [CompletionSummary(record)], schoolYear: year, asOf: CalendarDate("2026-11-30")!)
        #expect(report.rows.count == 1)
        #expect(report.rows.allSatisfy { $0.status != .complete })
    }

    @Test func theTrainingIsJudgedByItsScore() {
        #expect(Self.record(.training, passed: true).outcome == .scored(percent: 95, passed: true))
        #expect(Self.record(.training, passed: false).outcome == .scored(percent: 40, passed: false))
    }
}
