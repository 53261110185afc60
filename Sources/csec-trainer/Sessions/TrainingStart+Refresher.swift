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
        let claim = try training.claim(trainee: try trainee ?? prompts.name(), discardingSaved: restart)
        return try waitFor { try await claim.startRefresher(person: person, jurisdiction: jurisdiction, seed: seed) }
    }
}
