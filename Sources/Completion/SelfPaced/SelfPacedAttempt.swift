import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import Records
import Scoring
import Storage
import Training

/// One trainee's attempt in progress, taken by this process: its session, and its saved
/// progress, which every answer updates on disk before the answer's feedback is returned. The
/// score is computed once, when the last answer finishes the attempt; ``finish()`` then stores
/// the signed completion record (under the id fixed when the attempt started) and clears the
/// saved progress.
public struct SelfPacedAttempt: TrainingSessionDriver, Sendable {
    public private(set) var session: TrainingSession
    public private(set) var progress: SessionProgress
    public let jurisdiction: JurisdictionProtocol
    /// The score, once the last answer is in.
    public private(set) var score: ScoreReport?
    private var activeTime: ActiveTime
    private let lock: any AttemptHold
    private let training: SelfPacedTraining

    /// Writes `progress` first when `saving` (a new attempt, or one changed on the way in); an
    /// attempt taken as it was saved is not written again until it is answered.
    init(
        progress: SessionProgress, plan: TrainingPlan, jurisdiction: JurisdictionProtocol, lock: any AttemptHold,
        training: SelfPacedTraining, saving: Bool
    ) throws(AttemptError) {
        var session = TrainingSession(plan: plan, policy: training.content.policy)
        do {
            try session.replay(progress.answers)
        } catch {
            throw .contentChanged(path: training.progress.location(of: progress.trainee), problem: error)
        }
        self.session = session
        self.progress = progress
        self.jurisdiction = jurisdiction
        self.lock = lock
        self.training = training
        activeTime = ActiveTime(alreadySpent: progress.activeSeconds ?? 0, from: training.clock.now())
        if saving { try write(progress) }
    }

    /// The story and the question to begin (or resume) with.
    public mutating func start() throws(AttemptError) -> [TrainingSession.Effect] {
        let effects = session.start()
        note(effects)
        return effects
    }

    /// The effects of `input`; an answer is saved (with the time spent on it) before they are
    /// returned, so any feedback they hold is shown only once the answer is safe. A save that
    /// fails throws, and nothing is shown.
    public mutating func handle(_ input: TrainingSession.Input) throws(AttemptError) -> [TrainingSession.Effect] {
        var next = session
        let effects = next.handle(input)
        if effects.contains(where: { if case .saveProgress = $0 { true } else { false } }) {
            var time = activeTime
            time.count(until: training.clock.now())
            var saved = progress
            saved.answers = next.savedAnswers
            saved.activeSeconds = time.seconds
            try write(saved)
            activeTime = time
            progress = saved
        }
        session = next
        note(effects)
        return effects
    }

    public var isFinished: Bool { session.isFinished }

    /// Stores the finished attempt's signed completion record, once (finishing again after a
    /// crash keeps the record stored first), then clears the saved progress.
    public func finish() async throws(AttemptError) -> FinishedAttempt {
        guard let score, session.isFinished else {
            throw .notFinished(answered: session.answers.count, of: session.plan.questions.count)
        }
        let record = CompletionRecord(
            id: progress.recordID ?? UUID(), trainee: progress.person ?? Trainee(name: progress.trainee),
            training: TrainingModule(jurisdiction, training: training.content, seed: progress.seed), mode: training.mode,
            startedAt: training.clock.timestamp(progress.startedAt), completedAt: training.clock.timestamp(),
            activeSeconds: progress.activeSeconds ?? 0, answers: session.answers, score: ScoreSummary(score),
            policy: training.content.policy, purpose: progress.purpose ?? .training)
        let saved: SavedRecord
        do {
            saved = try await training.records.saveOnce(record)
        } catch {
            throw .record(error)
        }
        do {
            try training.progress.clear(for: progress.trainee)
        } catch {
            throw .progress(error)
        }
        return FinishedAttempt(record: record, saved: saved)
    }

    private mutating func note(_ effects: [TrainingSession.Effect]) {
        for case .finished(let report) in effects { score = report }
    }

    private func write(_ saved: SessionProgress) throws(AttemptError) {
        do {
            try training.progress.save(saved)
        } catch {
            throw .progress(error)
        }
    }
}

/// A finished attempt: its record, and where it was stored.
public struct FinishedAttempt: Sendable {
    public var record: CompletionRecord
    public var saved: SavedRecord
}
