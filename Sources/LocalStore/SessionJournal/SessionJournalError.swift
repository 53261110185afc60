/// Why a session journal could not be written, read or resumed, in words a facilitator can act
/// on; each names the file (and for a damaged line, its number).
public enum SessionJournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// A line before the last is not a journal line: the journal was changed or damaged, and the
    /// lines after it cannot be trusted. (A cut-short last line is a crash mid-write: dropped.)
    case damagedLine(path: String, line: Int, problem: String)
    /// Written by a newer csec-trainer.
    case unsupportedFormat(path: String, found: Int)
    /// Another csec-trainer process is hosting this session.
    case inUse(path: String)
    /// The session ended and its records were written: there is nothing to resume.
    case finished(path: String, sessionID: String)
    /// No session in the data directory has a journal that is not finished.
    case nothingToResume(directory: String)
    /// No session with this id has a journal in the data directory.
    case noSuchSession(id: String, directory: String)
    /// The journal's events do not make a session (``problem`` says which and why).
    case doesNotReplay(path: String, line: Int, problem: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write the session journal (\(reason)). Check that the disk has room and the data "
                + "directory is writable."
        case .cannotRead(let path, let reason):
            "\(path): error: cannot read the session journal (\(reason))."
        case .damagedLine(let path, let line, let problem):
            "\(path):\(line): error: this line of the session journal is damaged (\(problem)), so the session cannot be "
                + "restored from it. The answers up to the line before are intact; move the file aside to keep it."
        case .unsupportedFormat(let path, let found):
            "\(path): error: this session journal was written by a newer csec-trainer (format \(found)). Update "
                + "csec-trainer to resume it."
        case .inUse(let path):
            "\(path): error: this session is being hosted by another csec-trainer process. Stop that one first (or "
                + "go on with it there)."
        case .finished(let path, let sessionID):
            "\(path): error: session \(sessionID) has ended and its records were written; there is nothing to resume. "
                + "Start a new session instead."
        case .nothingToResume(let directory):
            "error: there is no unfinished group session to resume in \(directory)."
        case .noSuchSession(let id, let directory):
            "error: there is no session \(id) with a journal in \(directory)/sessions."
        case .doesNotReplay(let path, let line, let problem):
            "\(path):\(line): error: the session cannot be restored: \(problem)."
        }
    }
}
