import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import Training

/// Self-paced training, for every front end: an attempt is claimed for a trainee (so a second
/// process on it is refused), started or resumed, answered with each answer saved before its
/// feedback is returned, and finished with its signed completion record stored once.
///
/// Several trainees can have attempts in progress in one data directory; each has its own.
public struct SelfPacedTraining: Sendable {
    public let content: TrainingContent
    public let progress: any AttemptStore
    public let records: any RecordRepository
    public let clock: TrainingClock
    /// A new attempt's seed when none is given.
    public let newSeed: @Sendable () -> UInt64
    /// How the records of its attempts say they were taken: self-paced at a terminal, or
    /// ``Records/TrainingMode/selfPacedWeb`` on the district server.
    public var mode: TrainingMode = .selfPaced
    /// The plans of attempts in progress, built once from their seeds.
    private let plans = TrainingPlanCache(capacity: 4096)

    public init(
        content: TrainingContent, progress: any AttemptStore, records: any RecordRepository, clock: TrainingClock = .system,
        newSeed: @escaping @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) }
    ) {
        self.content = content
        self.progress = progress
        self.records = records
        self.clock = clock
        self.newSeed = newSeed
    }

    /// Every attempt in progress, by trainee.
    public func attemptsInProgress() throws(AttemptError) -> [SessionProgress] {
        do {
            return try progress.savedSessions()
        } catch {
            throw .progress(error)
        }
    }

    /// Takes `trainee`'s attempt for this process (a second one is refused until it ends). A
    /// saved attempt of theirs stands in the way of a new one unless `discardingSaved`.
    public func claim(trainee: String, discardingSaved: Bool = false) throws(AttemptError) -> AttemptClaim {
        let lock: any AttemptHold
        do {
            lock = try progress.hold(trainee)
            // Discarding never reads the saved attempt, so a damaged one does not stand in its way.
            if !discardingSaved, let saved = try progress.load(for: trainee) {
                throw AttemptError.inProgress(
                    trainee: saved.trainee, jurisdiction: saved.jurisdiction.rawValue, answered: saved.answers.count)
            }
        } catch let error as StoreError {
            throw .progress(error)
        } catch {
            throw error as! AttemptError
        }
        return AttemptClaim(trainee: trainee, lock: lock, training: self)
    }

    /// `trainee`'s saved attempt, taken for this process, at the question where it stopped.
    public func resume(trainee: String) throws(AttemptError) -> SelfPacedAttempt {
        let saved: SessionProgress?
        let lock: any AttemptHold
        do {
            lock = try progress.hold(trainee)
            saved = try progress.load(for: trainee)
        } catch {
            throw .progress(error)
        }
        guard var saved else { throw .nothingToResume(directory: progress.location, trainee: trainee) }
        let choosingID = saved.recordID == nil
        if choosingID {
            // Saved by a version that chose the id at the end: fixed now, and saved with it.
            saved.recordID = UUID()
        }
        return try attempt(saved, lock: lock, saving: choosingID)
    }

    /// The attempt `progress` saved, on its plan (built once from its seed), taken under `lock`.
    func attempt(_ progress: SessionProgress, lock: any AttemptHold, saving: Bool) throws(AttemptError)
        -> SelfPacedAttempt
    {
        let library = content.library
        guard let jurisdiction = library.jurisdiction(progress.jurisdiction.rawValue) else {
            throw .unknownJurisdiction(id: progress.jurisdiction.rawValue, known: library.jurisdictionIDs)
        }
        let plan = plan(jurisdiction, seed: progress.seed, count: progress.count, drawn: progress.drawn)
        return try SelfPacedAttempt(
            progress: progress, plan: plan, jurisdiction: jurisdiction, lock: lock, training: self, saving: saving)
    }

    func plan(
        _ jurisdiction: JurisdictionProtocol, seed: UInt64, length: SessionLength, draw: VignetteDraw = .seededOrder
    ) -> TrainingPlan {
        TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, length: length, seed: seed, builder: content.questionBuilder,
            draw: draw)
    }

    /// The plan of a saved attempt: `count` vignettes in the seeded order, or those it `drawn`.
    func plan(_ jurisdiction: JurisdictionProtocol, seed: UInt64, count: Int, drawn: [VignetteID]? = nil) -> TrainingPlan {
        plans.plan(jurisdiction.id, seed: seed, vignettes: count, drawn: drawn) {
            if let drawn {
                return TrainingPlan(
                    bank: content.vignettes, jurisdiction: jurisdiction, drawn: drawn, seed: seed,
                    builder: content.questionBuilder)
            }
            return TrainingPlan(
                bank: content.vignettes, jurisdiction: jurisdiction, count: count, seed: seed,
                builder: content.questionBuilder)
        }
    }
}
