import Foundation
import LocalStore
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import Training

/// Self-paced training for a front end that keeps no attempt between requests (the district
/// server): each step takes the trainee's saved attempt, does one thing, and lets it go, so the
/// next step may come from another device. Every answer is saved before its feedback is returned.
extension SelfPacedTraining {
    /// `trainee`'s attempt in progress as saved, without taking it; nil when there is none.
    public func savedAttempt(of trainee: String) throws(AttemptError) -> SessionProgress? {
        do {
            return try progress.load(for: trainee)
        } catch {
            throw .progress(error)
        }
    }

    /// A new attempt for `person` on `jurisdiction`, kept under `key` (default: their name; a
    /// server uses what tells its people apart, such as the employee id), saved before it
    /// returns; refused while they have one in progress. The record names `person` and says its
    /// `purpose`; its vignettes are drawn by `draw` (see ``retakeDraw(for:)``).
    public func begin(
        _ person: Trainee, as key: String? = nil, jurisdiction: JurisdictionProtocol, length: SessionLength,
        draw: VignetteDraw = .seededOrder, purpose: AttemptPurpose = .training
    ) throws(AttemptError) -> SelfPacedAttempt {
        try claim(trainee: key ?? person.name).start(
            jurisdiction: jurisdiction, person: person, length: length, keepingName: true, draw: draw, purpose: purpose)
    }

    /// Answers `questionID` of `trainee`'s saved attempt with `option`: saved, then judged. An
    /// answer to a question that is not the current one (a form sent twice, a page left open on
    /// another device) changes nothing.
    public func answer(_ option: OptionID, to questionID: String, of trainee: String) throws(AttemptError) -> AnswerStep {
        var attempt = try resume(trainee: trainee)
        guard let current = attempt.session.current, current.id == questionID, current.option(option) != nil else {
            return .notCurrent
        }
        let effects = try attempt.handle(.choose(option))
        guard let feedback = effects.lazy.compactMap(\.feedback).first else { return .notCurrent }
        return .answered(feedback, finished: attempt.isFinished)
    }

    /// Stores the signed record of `trainee`'s attempt once every question is answered, and
    /// clears the saved attempt.
    public func finish(_ trainee: String) async throws(AttemptError) -> FinishedAttempt {
        var attempt = try resume(trainee: trainee)
        _ = try attempt.start()
        return try await attempt.finish()
    }
}

/// What an answer did.
public enum AnswerStep: Sendable, Equatable {
    /// Saved, with its feedback; `finished` when it was the last question.
    case answered(Feedback, finished: Bool)
    /// Not saved: the question is not the attempt's current one (or the option is not one of it).
    case notCurrent
}

extension TrainingSession.Effect {
    fileprivate var feedback: Feedback? {
        if case .feedback(let feedback) = self { feedback } else { nil }
    }
}

extension SelfPacedAttempt {
    /// The feedback on the last answer, as it was given: shown again after a reload, or on the
    /// device the trainee continues on.
    public var lastFeedback: Feedback? {
        guard let last = session.answers.last else { return nil }
        let earlier = session.answers.dropLast()
        let firstCritical =
            session.policy.criticalMistakesFail && last.criticalMistake != nil
            && !earlier.contains { $0.criticalMistake != nil }
        return Feedback(last, firstCriticalMistake: firstCritical)
    }

    /// The question the last answer was to.
    public var lastAnswered: AnsweredQuestion? { session.answers.last }
}
