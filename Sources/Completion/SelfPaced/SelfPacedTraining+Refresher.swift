import ProtocolEngine
import Records
import Training

extension SelfPacedTraining {
    /// A targeted refresher for `person`: about ``Training/SessionLength/targetedRefresherQuestions``
    /// questions of practice (``Records/AttemptPurpose/refresher``, completing nothing), under the
    /// county protocol of their last passed attempt unless `jurisdiction` is given, drawing first
    /// the vignettes on what that attempt found they got wrong and that they have not met
    /// (``TraineeHistory/refresherDraw(under:content:)``). Kept under `key` as ``begin(_:as:jurisdiction:length:draw:purpose:)``
    /// keeps an attempt; refused without a passed attempt on record.
    public func beginRefresher(
        _ person: Trainee, as key: String? = nil, jurisdiction: JurisdictionProtocol? = nil
    ) async throws(AttemptError) -> SelfPacedAttempt {
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
        return try begin(
            person, as: key, jurisdiction: jurisdiction, length: .targetedRefresher,
            draw: history.refresherDraw(under: jurisdiction, content: content), purpose: .refresher)
    }
}
