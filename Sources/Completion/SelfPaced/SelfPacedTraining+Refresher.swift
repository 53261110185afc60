import ContentLoading
import ProtocolEngine
import Records
import Storage
import Training

/// What a person's targeted refresher is: the county protocol it is under, and how it draws its
/// vignettes from what their last passed attempt found they got wrong.
public struct TargetedRefresher: Sendable {
    public var jurisdiction: JurisdictionProtocol
    public var draw: VignetteDraw
    /// What the passed attempt found (empty when it found nothing: the refresher then meets the
    /// vignettes not met yet first, as a retake does).
    public var weakAreas: WeakAreas?
}

extension SelfPacedTraining {
    /// `person`'s targeted refresher from their stored history: under the county protocol of
    /// their last passed attempt unless `jurisdiction` is given, drawing first the vignettes on
    /// what that attempt found they got wrong and that they have not met
    /// (``TraineeHistory/refresherDraw(under:content:)``). Refused without a passed attempt on record.
    public func targetedRefresher(for person: Trainee, jurisdiction: JurisdictionProtocol? = nil) async throws(AttemptError)
        -> TargetedRefresher
    {
        let history: TraineeHistory
        do {
            history = try await TraineeHistory.of(person, in: records)
        } catch {
            throw .record(error)
        }
        guard let passed = history.lastPassedAttempt else { throw .noPassedAttempt(trainee: person.name) }
        let library = content.library
        guard let jurisdiction = jurisdiction ?? library.jurisdiction(passed.training.jurisdiction) else {
            throw .unknownJurisdiction(id: passed.training.jurisdiction, known: library.jurisdictionIDs)
        }
        return TargetedRefresher(
            jurisdiction: jurisdiction, draw: history.refresherDraw(under: jurisdiction, content: content),
            weakAreas: history.weakAreas(in: content))
    }

    /// Begins `person`'s targeted refresher (``AttemptClaim/startRefresher(person:jurisdiction:seed:keepingName:)``),
    /// kept under `key` as ``begin(_:as:jurisdiction:length:draw:purpose:)`` keeps an attempt.
    public func beginRefresher(
        _ person: Trainee, as key: String? = nil, jurisdiction: JurisdictionProtocol? = nil
    ) async throws(AttemptError) -> SelfPacedAttempt {
        try await claim(trainee: key ?? person.name).startRefresher(
            person: person, jurisdiction: jurisdiction, keepingName: true)
    }
}

extension AttemptClaim {
    /// The claimed trainee's targeted refresher (``SelfPacedTraining/targetedRefresher(for:jurisdiction:)``):
    /// about ``Training/SessionLength/targetedRefresherQuestions`` questions of practice
    /// (``Records/AttemptPurpose/refresher``, completing nothing) on what their last passed
    /// attempt got wrong; `person`, `seed` and `keepingName` as ``start(jurisdiction:person:length:seed:keepingName:draw:purpose:)``
    /// takes them.
    public func startRefresher(
        person: Trainee, jurisdiction: JurisdictionProtocol? = nil, seed: UInt64? = nil, keepingName: Bool = false
    ) async throws(AttemptError) -> SelfPacedAttempt {
        var details = person
        if !keepingName { details.name = trainee }
        let refresher = try await training.targetedRefresher(for: details, jurisdiction: jurisdiction)
        return try start(
            jurisdiction: refresher.jurisdiction, person: details, length: .targetedRefresher, seed: seed,
            keepingName: keepingName, draw: refresher.draw, purpose: .refresher)
    }
}
