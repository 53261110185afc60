import Foundation
import LocalStore
import ProtocolEngine
import Records
import TerminalUI
import Training

/// How `train` finds the session it runs: a saved one (`--resume`), or a new one from the flags
/// and the opening prompts. Either way the trainee's session is locked for this process first,
/// so a second process on the same session is refused.
struct TrainingStart {
    let store: ProgressStore
    let protocols: [JurisdictionProtocol]
    let resumeCommand: ResumeCommand
    var prompts: OpeningPrompts
    /// How many vignettes a session of a length is, for a county and seed: a refresher's
    /// count depends on the questions its vignettes have. Saved with the progress, it rebuilds
    /// the same plan on resume.
    let vignetteCount: (JurisdictionProtocol, UInt64, SessionLength) -> Int

    /// The session to run, with the lock that keeps it this process's.
    struct Started {
        var progress: SessionProgress
        var lock: ProgressLock
    }

    /// Why a session cannot start, with what to type instead.
    enum Refusal: Error, CustomStringConvertible {
        case nothingToResume(directory: String, trainee: String?, newSession: String)
        case inProgress(SessionProgress, resume: String)

        var description: String {
            switch self {
            case .nothingToResume(let directory, let trainee, let newSession):
                "error: there is no saved session\(trainee.map { " for \($0)" } ?? "") to resume in \(directory). "
                    + "Start one with `\(newSession)`."
            case .inProgress(let saved, let resume):
                "error: a session for \(saved.trainee) (\(saved.jurisdiction)) is in progress, "
                    + "\(saved.answers.count) answers saved. Continue it with `\(resume)`, or discard it with --restart."
            }
        }
    }

    /// The saved session of `trainee`; without one, the only saved session, or the one the
    /// trainee chooses from the list.
    mutating func resuming(trainee: String?) throws -> Started {
        var name = trainee
        if name == nil {
            let saved = try store.savedSessions()
            switch saved.count {
            case 0: throw nothingToResume(trainee: nil)
            case 1: name = saved[0].trainee
            default: name = try prompts.choice(of: saved).trainee
            }
        }
        let chosen = name ?? ""
        let lock = try store.lock(for: chosen)
        guard let progress = try store.load(for: chosen) else { throw nothingToResume(trainee: chosen) }
        return Started(progress: progress, lock: lock)
    }

    /// A new session: the name, county and record details from the flags, asking for what is
    /// missing (the record details only at a terminal, when the name was asked too). A saved
    /// session of the same trainee is refused unless `restart`.
    mutating func starting(
        trainee: String?, jurisdiction: JurisdictionProtocol?, person: Trainee, length: SessionLength?, seed: UInt64?,
        restart: Bool, asksForDetails: Bool
    ) throws -> Started {
        let name = try trainee ?? prompts.name()
        let lock = try store.lock(for: name)
        // A restart never reads the saved session, so a damaged one does not stand in its way.
        if !restart, let saved = try store.load(for: name) {
            throw Refusal.inProgress(saved, resume: resumeCommand.text(for: saved.trainee))
        }
        let chosen = try jurisdiction ?? prompts.jurisdiction(in: protocols)
        var details = person
        details.name = name
        if trainee == nil, asksForDetails {
            details = try askDetails(details)
        }
        // Without a length on the command line, a person at a terminal chooses; a script gets
        // the course.
        let chosenLength = try length ?? (asksForDetails ? prompts.length() : .course)
        var random = SystemRandomNumberGenerator()
        let chosenSeed = seed ?? random.next()
        let progress = SessionProgress(
            trainee: name, jurisdiction: chosen.id, count: vignetteCount(chosen, chosenSeed, chosenLength),
            seed: chosenSeed, startedAt: Date(), person: details)
        return Started(progress: progress, lock: lock)
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

    private func nothingToResume(trainee: String?) -> Refusal {
        .nothingToResume(directory: store.directory.path, trainee: trainee, newSession: resumeCommand.newSession)
    }
}
