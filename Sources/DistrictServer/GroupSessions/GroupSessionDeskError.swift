import GroupSessions
import LocalStore

/// Why the district server's group session could not do what the facilitator asked, in words
/// for the facilitator.
public enum GroupSessionDeskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A session is running: one at a time per server.
    case alreadyRunning(String)
    /// No session is running.
    case noneRunning
    /// Fewer than one vignette asked for.
    case tooFewVignettes
    /// A capacity under one person.
    case tooSmall
    /// The session refused the command (a question not open, the last question passed…).
    case refused(Refusal)
    /// The session's journal could not be started or marked finished.
    case journal(SessionJournalError)

    public var description: String {
        switch self {
        case .alreadyRunning(let id):
            "Group session \(id) is running: end it before starting another (this server runs one at a time)."
        case .noneRunning: "No group session is running: start one first."
        case .tooFewVignettes: "A session needs at least one vignette: give a number from 1."
        case .tooSmall: "A session takes at least one person: give a number from 1."
        case .refused(let refusal): refusal.description
        case .journal(let error): error.description
        }
    }
}
