import Foundation
import LocalStore
import ProtocolEngine
import Records
import Training

/// A trainee's attempt, taken for this process before anything else is asked, so that a second
/// process (or a saved attempt) is refused first. ``start(jurisdiction:person:length:seed:)``
/// begins the new attempt; its record id is fixed there.
public struct AttemptClaim: Sendable {
    public let trainee: String
    let lock: any AttemptHold
    let training: SelfPacedTraining

    /// A new attempt on `jurisdiction`'s protocol, of `length`, with `person`'s details on its
    /// record (its name is the trainee's, unless `keepingName`: then `person`'s own, when the
    /// attempt is kept under another key), and `seed` (default: a new one). Its vignettes are
    /// drawn by `draw` (default: the seeded order); its record says its `purpose`.
    public func start(
        jurisdiction: JurisdictionProtocol, person: Trainee, length: SessionLength, seed: UInt64? = nil,
        keepingName: Bool = false, draw: VignetteDraw = .seededOrder, purpose: AttemptPurpose = .training
    ) throws(AttemptError) -> SelfPacedAttempt {
        let chosenSeed = seed ?? training.newSeed()
        var details = person
        if !keepingName { details.name = trainee }
        let plan = training.plan(jurisdiction, seed: chosenSeed, length: length, draw: draw)
        var progress = SessionProgress(
            trainee: trainee, jurisdiction: jurisdiction.id, count: plan.vignettes.count, seed: chosenSeed,
            startedAt: training.clock.now(), person: details, recordID: UUID())
        if draw != .seededOrder { progress.drawn = plan.vignettes }
        if purpose != .training { progress.purpose = purpose }
        return try training.attempt(progress, lock: lock, saving: true)
    }
}
