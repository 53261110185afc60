import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

/// Self-paced training one step at a time, as the district server drives it: each step takes the
/// saved attempt and lets it go, so the next may come from another process or device.
@Suite(.serialized)
struct SelfPacedStepsTests {
    let content: TrainingContent
    let marin: JurisdictionProtocol

    init() throws {
        content = try Fixtures.trainingContent()
        marin = try #require(content.library.jurisdiction("marin"))
    }

    func training(_ data: TemporaryDataDirectory) -> SelfPacedTraining {
        var training = SelfPacedTraining(
            content: content, progress: ProgressStore(directory: data.url), records: data.records,
            clock: FakeClock().trainingClock, newSeed: { 11 })
        training.mode = .selfPacedWeb
        return training
    }

    /// Starts `trainee`'s attempt; the attempt (and the hold on it) is let go when this returns,
    /// as a request lets it go.
    func begin(_ attempts: SelfPacedTraining, _ trainee: String, employeeID: String? = nil, length: SessionLength) throws {
        _ = try attempts.begin(Trainee(name: trainee, employeeID: employeeID), jurisdiction: marin, length: length)
    }

    /// What `read` finds in `trainee`'s resumed attempt, let go when this returns.
    static func resumed<T>(_ attempts: SelfPacedTraining, _ trainee: String, _ read: (SelfPacedAttempt) -> T) throws -> T {
        let attempt = try attempts.resume(trainee: trainee)
        return read(attempt)
    }

    /// Every answer is saved when its step returns; an answer to another question than the
    /// current one (a form sent twice) changes nothing; the record says how it was taken.
    @Test func stepsAnswerOnlyTheCurrentQuestionAndFinishOnce() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempts = training(data)
        try begin(attempts, "Kim Lee", employeeID: "E-7", length: .vignettes(2))
        let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 11, wrongEvery: nil)
        for (index, answer) in script.answers.enumerated() {
            let step = try attempts.answer(answer.chosen, to: answer.question.id, of: "Kim Lee")
            #expect(step == .answered(Feedback(answer), finished: index == script.answers.count - 1))
            #expect(try attempts.savedAttempt(of: "Kim Lee")?.answers.count == index + 1)
            let again = try attempts.answer(answer.chosen, to: answer.question.id, of: "Kim Lee")
            #expect(again == .notCurrent, "sent twice")
            #expect(try attempts.savedAttempt(of: "Kim Lee")?.answers.count == index + 1)
        }
        let finished = try await attempts.finish("Kim Lee")
        #expect(finished.record.mode == .selfPacedWeb && finished.record.trainee.employeeID == "E-7")
        #expect(finished.record.score == ScoreSummary(content.policy.score(script.answers)))
        #expect(try attempts.savedAttempt(of: "Kim Lee") == nil)
        await #expect(throws: AttemptError.self) { try await attempts.finish("Kim Lee") }
    }

    /// The feedback shown again (after a reload, on another device) is the feedback first given,
    /// the first critical mistake's warning included.
    @Test func theLastFeedbackIsTheOneFirstGiven() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempts = training(data)
        try begin(attempts, "Ana Ruiz", length: .course)
        var given: [Feedback] = []
        while let question = try Self.resumed(attempts, "Ana Ruiz", { $0.session.current }) {
            let critical = question.options.first { $0.mistake?.critical == true }
            guard
                case .answered(let feedback, _) = try attempts.answer(
                    critical?.id ?? question.correctOptionID, to: question.id, of: "Ana Ruiz")
            else { Issue.record("not answered"); return }
            given.append(feedback)
            #expect(try Self.resumed(attempts, "Ana Ruiz") { $0.lastFeedback } == feedback)
        }
        #expect(given.filter(\.attemptCannotPass).count == 1, "the warning comes once")
    }

    /// Showing a question or its feedback takes the saved attempt without writing it: only an
    /// answer is written (with the time it took), so a page reload costs no disk write.
    @Test func takingTheSavedAttemptToShowItWritesNothing() throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempts = training(data)
        try begin(attempts, "Sam Okafor", length: .vignettes(2))
        let file = URL(filePath: ProgressStore(directory: data.url).location(of: "Sam Okafor"))
        func written() throws -> (Data, Date?) {
            (try Data(contentsOf: file), try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
        }
        let before = try written()
        let question = try #require(try Self.resumed(attempts, "Sam Okafor") { $0.session.current })
        _ = try Self.resumed(attempts, "Sam Okafor") { $0.lastFeedback }
        let after = try written()
        #expect(after.0 == before.0 && after.1 == before.1)

        _ = try attempts.answer(question.correctOptionID, to: question.id, of: "Sam Okafor")
        #expect(try written().0 != before.0, "an answer is written")
    }
}
