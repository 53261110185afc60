import LocalStore
import Storage
import Training

/// Why a self-paced attempt cannot start, go on or finish, in words a trainee can act on.
public enum AttemptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No saved attempt (of this trainee, when named) to resume.
    case nothingToResume(directory: String, trainee: String?)
    /// The trainee has an attempt in progress; a new one would discard it.
    case inProgress(trainee: String, jurisdiction: String, answered: Int)
    /// The saved attempt names a county protocol the content does not have.
    case unknownJurisdiction(id: String, known: [String])
    /// The saved answers do not fit the content any more.
    case contentChanged(path: String, problem: ResumeError)
    /// The saved attempt could not be read or written.
    case progress(StoreError)
    /// The completion record could not be stored.
    case record(StorageError)
    /// The attempt is not finished, so it has no record yet.
    case notFinished(answered: Int, of: Int)
    /// A refresher follows a passed attempt, and the trainee has none on record.
    case noPassedAttempt(trainee: String)

    public var description: String {
        switch self {
        case .nothingToResume(let directory, let trainee):
            "error: there is no saved session\(trainee.map { " for \($0)" } ?? "") to resume in \(directory)."
        case .inProgress(let trainee, let jurisdiction, let answered):
            "error: a session for \(trainee) (\(jurisdiction)) is in progress, \(answered) answers saved."
        case .unknownJurisdiction(let id, let known):
            "error: the saved session is for '\(id)', which is not among the county protocols (\(known.joined(separator: ", ")))."
        case .contentChanged(let path, let problem):
            "\(path): error: \(problem.description)"
        case .progress(let error):
            error.description
        case .record(let error):
            error.description
        case .notFinished(let answered, let total):
            "error: the session is not finished (\(answered) of \(total) questions answered), so it has no record yet."
        case .noPassedAttempt(let trainee):
            "error: \(trainee) has no passed training attempt on record; a refresher follows a passed attempt, so take the training first."
        }
    }
}
