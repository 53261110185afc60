import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import Storage
import TestSupport
import Testing
import Training

/// A whole self-paced attempt driven through the application layer, with no process and no
/// terminal: a fake clock, the signed record files in a temporary data directory.
@Suite(.serialized)
struct SelfPacedAttemptTests {
    let content: TrainingContent
    let marin: JurisdictionProtocol

    init() throws {
        content = try Fixtures.trainingContent()
        marin = try #require(content.library.jurisdiction("marin"))
    }

    func training(_ data: TemporaryDataDirectory, clock: FakeClock) -> SelfPacedTraining {
        SelfPacedTraining(
            content: content, progress: ProgressStore(directory: data.url), records: data.records,
            clock: clock.trainingClock, newSeed: { 11 })
    }

    func choose(_ answer: AnsweredQuestion) -> TrainingSession.Input { .choose(answer.chosen) }

    @Test func aWholeAttemptEndsInOneVerifiedRecordWithTheTimesOfTheClock() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let clock = FakeClock()
        let started = clock.now
        let attempts = training(data, clock: clock)
        var attempt = try attempts.claim(trainee: "Ana Ruiz").start(
            jurisdiction: marin, person: Trainee(name: "", employeeID: "E-7", school: "Lincoln High"),
            length: .vignettes(3))
        let recordID = try #require(attempt.progress.recordID)
        let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 3, seed: 11)
        #expect(attempt.session.plan.questions.map(\.id) == script.plan.questions.map(\.id))

        _ = try attempt.start()
        // A minute per answer, but one long pause of an hour, counted as ten minutes.
        var expectedSeconds = 0
        for (index, answer) in script.answers.enumerated() {
            let gap = index == 1 ? 3_600 : 60
            clock.advance(seconds: TimeInterval(gap))
            expectedSeconds += min(gap, 600)
            _ = try attempt.handle(choose(answer))
        }
        let finished = try await attempt.finish()

        let record = finished.record
        #expect(record.id == recordID)
        #expect(record.trainee == Trainee(name: "Ana Ruiz", employeeID: "E-7", school: "Lincoln High"))
        #expect(record.activeSeconds == expectedSeconds)
        #expect(record.startedAt == Timestamp(started, utcOffsetSeconds: -8 * 3600))
        #expect(record.completedAt == Timestamp(clock.now, utcOffsetSeconds: -8 * 3600))
        #expect(record.score == ScoreSummary(content.policy.score(script.answers)))
        #expect(record.questions.count == script.answers.count)
        let stored = try data.store.find(recordID.uuidString.lowercased())
        try data.store.verify(stored)
        #expect(stored.record == record)
        #expect(try ProgressStore(directory: data.url).load(for: "Ana Ruiz") == nil)
    }

    /// Every answer is on disk before the effects that judge it come back.
    @Test func eachAnswerIsSavedBeforeItsFeedbackIsReturned() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let clock = FakeClock()
        var attempt = try training(data, clock: clock).claim(trainee: "Kim Lee").start(
            jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(2))
        let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 11)
        _ = try attempt.start()
        for (index, answer) in script.answers.enumerated() {
            let effects = try attempt.handle(choose(answer))
            #expect(effects.contains { if case .feedback = $0 { true } else { false } })
            let saved = try #require(try ProgressStore(directory: data.url).load(for: "Kim Lee"))
            #expect(saved.answers.count == index + 1)
            #expect(saved.answers.last == SavedAnswer(questionID: answer.question.id, optionID: answer.chosen))
        }
    }

    /// A save that fails throws, and the attempt stays where it was: nothing judged is shown
    /// for an answer that was not saved.
    @Test func anAnswerThatCannotBeSavedIsNotJudged() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let progress = ProgressStore(directory: data.url)
        var attempt = try training(data, clock: FakeClock()).claim(trainee: "Sam Okafor").start(
            jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(2))
        let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 11)
        _ = try attempt.start()
        // The progress file's place taken by a directory: renaming over it fails.
        let file = progress.file(for: "Sam Okafor")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file.appending(path: "in-the-way"), withIntermediateDirectories: true)

        #expect(throws: AttemptError.self) { _ = try attempt.handle(choose(script.answers[0])) }
        #expect(attempt.session.answers.isEmpty)
        #expect(attempt.progress.answers.isEmpty)
    }

    /// Trainees in one data directory keep their own attempts: a second claim on one attempt is
    /// refused while it is held, a restart discards only the trainee's own.
    @Test func traineesInOneDataDirectoryKeepTheirOwnAttempts() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempts = training(data, clock: FakeClock())
        let anaRecordID: UUID?
        do {
            let ana = try attempts.claim(trainee: "Ana Ruiz").start(
                jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(2))
            anaRecordID = ana.progress.recordID
            // Held: a second claim, a restart or a resume of it is refused.
            #expect(throws: AttemptError.self) { _ = try attempts.claim(trainee: "Ana Ruiz", discardingSaved: true) }
            #expect(throws: AttemptError.self) { _ = try attempts.resume(trainee: "Ana Ruiz") }
            let kim = try attempts.claim(trainee: "Kim Lee").start(
                jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(2))
            #expect(try attempts.attemptsInProgress().map(\.trainee) == ["Ana Ruiz", "Kim Lee"])
            withExtendedLifetime((ana, kim)) {}
        }
        // Both let go. A restart of Kim's leaves Ana's alone; a new attempt of Ana's is refused.
        _ = try attempts.claim(trainee: "Kim Lee", discardingSaved: true).start(
            jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(1))
        #expect(try ProgressStore(directory: data.url).load(for: "Ana Ruiz")?.recordID == anaRecordID)
        #expect(throws: AttemptError.inProgress(trainee: "Ana Ruiz", jurisdiction: "marin", answered: 0)) {
            _ = try attempts.claim(trainee: "Ana Ruiz")
        }
    }

    /// The record id is fixed when the attempt starts, so finishing again (a crash after the
    /// record was written, before the progress was cleared) keeps the one record.
    @Test func finishingAgainWritesNoSecondRecord() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let clock = FakeClock()
        var attempt = try training(data, clock: clock).claim(trainee: "Zoë Ł").start(
            jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(1))
        for answer in ScriptedAnswers(content: content, jurisdiction: marin, count: 1, seed: 11).answers {
            _ = try attempt.handle(choose(answer))
        }
        let first = try await attempt.finish()
        clock.advance(seconds: 30)
        let again = try await attempt.finish()
        #expect(first.saved.isNew && !again.saved.isNew)
        #expect(again.saved.signed == first.saved.signed)
        #expect(data.store.loadAll().records.count == 1)
    }

    /// An attempt saved by an earlier version, without a record id, gets one on resume, saved at
    /// once, so every later finish uses the same.
    @Test func aResumedAttemptWithoutARecordIDGetsOneFixed() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let progress = ProgressStore(directory: data.url)
        var old = SessionProgress(
            trainee: "Ana Ruiz", jurisdiction: marin.id, count: 2, seed: 11, startedAt: Date(), recordID: nil)
        old.activeSeconds = nil
        try progress.save(old)
        let attempts = training(data, clock: FakeClock())
        let fixed = try #require(try attempts.resume(trainee: "Ana Ruiz").progress.recordID)
        #expect(try progress.load(for: "Ana Ruiz")?.recordID == fixed)
        #expect(try attempts.resume(trainee: "Ana Ruiz").progress.recordID == fixed)
    }

    @Test func anUnfinishedAttemptHasNoRecord() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempt = try training(data, clock: FakeClock()).claim(trainee: "Ana Ruiz").start(
            jurisdiction: marin, person: Trainee(name: ""), length: .vignettes(1))
        await #expect(throws: AttemptError.self) { _ = try await attempt.finish() }
        #expect(data.store.loadAll().records.isEmpty)
    }
}
