import Foundation

/// Why a sign-in or an account operation was refused, in words a trainer understands. The
/// messages never name a command-line flag.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case invitationUnknown
    case invitationUsed
    case invitationExpired
    case invitationRevoked
    /// The person who signed in with the district's provider is not on the staff roster.
    case notOnRoster(email: String)
    case wrongPassword
    case tooManyAttempts(retryAfterSeconds: Int)
    case storage(location: String, reason: String)

    public var description: String {
        switch self {
        case .invitationUnknown:
            "This sign-in link is not one this server issued. Ask your training office for a new link."
        case .invitationUsed:
            "This sign-in link was already used. Each link works once: ask your training office for a new one."
        case .invitationExpired:
            "This sign-in link has expired. Ask your training office for a new one."
        case .invitationRevoked:
            "This sign-in link was withdrawn by your training office. Ask them for a new one."
        case .notOnRoster(let email):
            "\(email) is not on the district's staff roster. Ask your training office to add you."
        case .wrongPassword:
            "The name or password is not right."
        case .tooManyAttempts(let seconds):
            "Too many sign-in attempts. Try again in \(seconds) seconds."
        case .storage(let location, let reason):
            "\(location): \(reason)."
        }
    }
}
