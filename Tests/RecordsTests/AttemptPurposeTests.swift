import Foundation
import Records
import TestSupport
import Testing

/// Practice attempts (a pre-test, a refresher) are recorded at schema version 5 with their
/// purpose, and never complete training.
struct AttemptPurposeTests {
    let year = SchoolYear("2026-2027")!

    func record(_ purpose: AttemptPurpose, mode: TrainingMode = .selfPaced, passed: Bool = true) -> CompletionRecord {
        let sample = SampleRecords.record(percent: passed ? 90 : 40, passed: passed)
        return CompletionRecord(
            id: sample.id, trainee: sample.trainee, training: sample.training, mode: mode, startedAt: sample.startedAt,
            completedAt: sample.completedAt, activeSeconds: sample.activeSeconds, questions: sample.questions,
            score: sample.score, purpose: purpose)
    }

    /// The lowest version that holds the purpose and the mode.
    @Test(arguments: [
        (AttemptPurpose.training, TrainingMode.selfPaced, 1, false),
        (.training, .selfPacedWeb, 4, false),
        (.preTest, .selfPaced, 5, true),
        (.preTest, .selfPacedWeb, 5, true),
        (.refresher, .selfPaced, 5, true),
        (.refresher, .selfPacedWeb, 5, true),
    ])
    func aRecordIsWrittenWithTheVersionThatHoldsItsPurpose(
        purpose: AttemptPurpose, mode: TrainingMode, version: Int, namesPurpose: Bool
    ) throws {
        let written = record(purpose, mode: mode)
        #expect(written.schemaVersion == version)
        let text = String(decoding: try JSONEncoder().encode(written), as: UTF8.self)
        #expect(text.contains(#""purpose""#) == namesPurpose, "the training itself writes no purpose")
        #expect(try JSONDecoder().decode(CompletionRecord.self, from: Data(text.utf8)) == written)
    }

    /// Practice completes nothing, passed or not; the training completes when passed.
    @Test(arguments: AttemptPurpose.allCases, [true, false])
    func onlyAPassedTrainingCompletesIt(purpose: AttemptPurpose, passed: Bool) {
        let outcome = record(purpose, passed: passed).outcome
        #expect(outcome.completesTraining == (purpose == .training && passed))
        #expect(outcome.percent == (passed ? 90 : 40))
        let description = record(purpose, passed: passed).resultDescription
        #expect(description.hasPrefix(passed ? "90% " : "40% "))
        #expect(
            description.hasSuffix(purpose == .training ? (passed ? "passed" : "not passed") : "practice, not passed or failed"),
            "\(description)")
    }

    /// A purpose before version 5, the training named as a purpose, or a purpose on group
    /// attendance is refused when read.
    @Test func aPurposeWhereItCannotBeIsRefused() throws {
        var older = record(.preTest)
        older.schemaVersion = 4
        var named = record(.training)
        named.schemaVersion = 5
        named.purpose = .training
        var attendance = SampleRecords.attendance()
        attendance.schemaVersion = 5
        attendance.purpose = .refresher
        for wrong in [older, named, attendance] {
            let encoded = try JSONEncoder().encode(wrong)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompletionRecord.self, from: encoded) }
        }
    }

    /// A version 5 pre-test record (a frozen file, never re-recorded).
    @Test func theFrozenVersion5PreTestStillDecodes() throws {
        let fixture = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/record-v5-pretest.json")
        let record = try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: fixture))
        #expect(record.schemaVersion == 5 && record.purpose == .preTest && record.mode == .selfPacedWeb)
        #expect(record.outcome == .practice(.preTest, percent: 50) && !record.outcome.completesTraining)
        #expect(record.outcome.resultText == "pre-test (practice)")
    }

    /// Every outcome survives its one-character code, as the summary index and the database keep it.
    @Test func everyOutcomeReadsBackFromItsResultCode() {
        var outcomes: [CompletionOutcome] = [.attended(wholeSession: true), .attended(wholeSession: false)]
        for percent in [0, 1, 50, 79, 80, 100] {
            outcomes += [.scored(percent: percent, passed: true), .scored(percent: percent, passed: false)]
            outcomes += [.practice(.preTest, percent: percent), .practice(.refresher, percent: percent)]
        }
        for outcome in outcomes {
            #expect(
                CompletionOutcome(resultCode: outcome.resultCode, percent: outcome.percent.map(String.init) ?? "")
                    == outcome)
        }
        #expect(Set(outcomes.map(\.resultCode)).count == 6, "one code per kind of outcome")
        #expect(CompletionOutcome(resultCode: "b", percent: "") == nil, "a pre-test has its percent")
    }

    /// A passed pre-test before the training leaves the person due; the training's result is the
    /// one the report gives once it is passed.
    @Test func aPreTestDoesNotCompleteTheTrainingInTheReport() throws {
        var preTest = record(.preTest)
        preTest.completedAt = Timestamp("2026-09-01T09:00:00-07:00")!
        let before = ComplianceReport(records: [preTest], schoolYear: year, asOf: CalendarDate("2026-09-02")!)
        #expect(before.rows.first?.status != .complete && before.rows.first?.completed == nil)

        var training = SampleRecords.record(completed: "2026-09-03T09:00:00-07:00", percent: 85)
        training.id = UUID()
        let after = ComplianceReport(records: [preTest, training], schoolYear: year, asOf: CalendarDate("2026-09-04")!)
        let row = try #require(after.rows.first)
        #expect(row.status == .complete && row.percent == 85 && row.attempts == 2)
    }
}
