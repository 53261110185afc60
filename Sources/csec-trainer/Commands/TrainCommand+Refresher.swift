import ArgumentParser
import Completion
import ContentLoading
import Training

/// `train --targeted-refresher`: a short practice on what the person's last passed attempt got wrong.
enum RefresherHelp {
    static let flag = ArgumentHelp(
        "A refresher of about \(SessionLength.targetedRefresherQuestions) questions on what your last passed attempt got wrong (practice: it completes nothing).",
        discussion: "Your earlier records are found by --employee-id, else --email, else --name.")
    static let alone =
        "--targeted-refresher sets its own length and starts a new session: use it without --resume, --length or --count."
}

extension TrainCommand {
    /// The new targeted refresher the flags ask for.
    func startRefresher(_ start: inout TrainingStart, library: ProtocolLibrary) throws -> SelfPacedAttempt {
        try start.startingRefresher(
            trainee: trainee, jurisdiction: try jurisdiction.map { try library.matchingJurisdiction($0) },
            person: person.trainee(named: trainee ?? ""), seed: seed, restart: restart)
    }
}
