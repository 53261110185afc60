import Completion
import Foundation
import ProtocolEngine
import Records
import Training

extension TrainingStart {
    /// A new targeted refresher for `trainee` (asked for when not given): about
    /// ``Training/SessionLength/targetedRefresherQuestions`` questions on what their last passed
    /// attempt got wrong, under its county protocol unless `jurisdiction` is given; practice, so
    /// its record completes nothing. A saved attempt of theirs is refused unless `restart`.
    mutating func startingRefresher(
        trainee: String?, jurisdiction: JurisdictionProtocol?, person: Trainee, seed: UInt64?, restart: Bool
    ) throws -> SelfPacedAttempt {
        let name = try trainee ?? prompts.name()
        let claim = try training.claim(trainee: name, discardingSaved: restart)
        var details = person
        details.name = name
        let (training, found) = (training, details)
        let refresher = try waitFor { try await training.targetedRefresher(for: found, jurisdiction: jurisdiction) }
        return try claim.start(
            jurisdiction: refresher.jurisdiction, person: details, length: .targetedRefresher, seed: seed,
            draw: refresher.draw, purpose: .refresher)
    }
}
