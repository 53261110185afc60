import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import Records
import TerminalUI
import Training

/// How `train` finds the attempt it runs: a saved one (`--resume`), or a new one from the flags
/// and the opening prompts. Either way the application layer takes the trainee's attempt for this
/// process first, so a second process on it is refused before anything more is asked.
struct TrainingStart {
    let training: SelfPacedTraining
    var prompts: OpeningPrompts

    /// The saved attempt of `trainee`; without one, the only saved attempt, or the one the
    /// trainee chooses from the list.
    mutating func resuming(trainee: String?) throws -> SelfPacedAttempt {
        if let trainee { return try training.resume(trainee: trainee) }
        let saved = try training.attemptsInProgress()
        switch saved.count {
        case 0: throw AttemptError.nothingToResume(directory: training.progress.location, trainee: nil)
        case 1: return try training.resume(trainee: saved[0].trainee)
        default: return try training.resume(trainee: prompts.choice(of: saved).trainee)
        }
    }

    /// A new attempt: the name, county and record details from the flags, asking for what is
    /// missing (the record details only at a terminal, when the name was asked too). A saved
    /// attempt of the same trainee is refused unless `restart`. The vignettes the trainee has not
    /// met in earlier records come first, unless a `seed` asks for exactly that seed's plan. A
    /// pre-test (`purpose`) is a refresher's length unless `length` says.
    mutating func starting(
        trainee: String?, jurisdiction: JurisdictionProtocol?, person: Trainee, length: SessionLength?, seed: UInt64?,
        restart: Bool, asksForDetails: Bool, purpose: AttemptPurpose = .training
    ) throws -> SelfPacedAttempt {
        let name = try trainee ?? prompts.name()
        let claim = try training.claim(trainee: name, discardingSaved: restart)
        let chosen = try jurisdiction ?? prompts.jurisdiction(in: training.content.library.protocols)
        var details = person
        if trainee == nil, asksForDetails {
            details = try askDetails(details)
        }
        // Without a length on the command line, a person at a terminal chooses; a script gets
        // the course.
        let chosenLength = try length ?? (purpose == .preTest ? .refresher : asksForDetails ? prompts.length() : .course)
        let draw: VignetteDraw
        if seed == nil {
            let (training, person) = (training, details)
            draw = try waitFor { try await training.retakeDraw(for: person) }
        } else {
            draw = .seededOrder
        }
        return try claim.start(
            jurisdiction: chosen, person: details, length: chosenLength, seed: seed, draw: draw, purpose: purpose)
    }

    /// The record's details that district reports use, each skippable, unless already given.
    private mutating func askDetails(_ person: Trainee) throws -> Trainee {
        var person = person
        prompts.output.write(
            prompts.wrapper.wrap("For your completion record (district reports use these; Enter skips one):") + "\n")
        if person.employeeID == nil { person.employeeID = try prompts.optional("Employee id") }
        if person.school == nil { person.school = try prompts.optional("School") }
        if person.role == nil { person.role = try prompts.optional("Role (teacher, counselor, office staff…)") }
        return person
    }
}
