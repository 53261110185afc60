import Foundation
import Storage

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
    /// A problem with the records' storage the accounts live beside (the staff roster, the
    /// database's schema).
    case storedData(StorageError)
    /// The invitation's person has left the staff roster since it was issued.
    case leftRoster(name: String)
    /// An administrator with this name exists already.
    case administratorExists(name: String)
    /// No administrator has this name (for removing one; a sign-in says ``wrongPassword``).
    case noSuchAdministrator(name: String)
    case unusableAdministratorName(String)
    /// A site administrator's school is empty or holds control characters.
    case unusableSchool(String)
    /// A site administrator's school is not one the staff roster lists.
    case schoolNotOnRoster(school: String, known: [String])
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximumBytes: Int)
    /// The server's public address cannot start a sign-in link.
    case unusablePublicURL(String)
    /// A stored file is of a newer format than this csec-trainer reads.
    case unsupportedVersion(location: String, found: Int, supported: Int)

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
        case .storedData(let error):
            error.description
        case .leftRoster(let name):
            "\(name) is no longer on the district's staff roster, so this sign-in link no longer works. "
                + "Ask your training office."
        case .administratorExists(let name):
            "There is already an administrator named \(name). Choose another name."
        case .noSuchAdministrator(let name):
            "There is no administrator named \(name)."
        case .unusableAdministratorName(let name):
            "'\(name)' cannot name an administrator: give 1 to \(AdministratorAccount.longestName) characters, "
                + "without control characters."
        case .unusableSchool(let school):
            "'\(school)' cannot name a school: give its name as the staff roster writes it."
        case .schoolNotOnRoster(let school, let known):
            "No one on the staff roster works at '\(school)'. "
                + (known.isEmpty
                    ? "Import the staff roster first."
                    : "Give the school as the roster writes it: \(known.joined(separator: ", ")).")
        case .passwordTooShort(let minimum):
            "The password is too short: use at least \(minimum) characters (a few words make a good one)."
        case .passwordTooLong(let maximum):
            "The password is too long: bcrypt reads at most \(maximum) bytes of it. Use a shorter one."
        case .unusablePublicURL(let text):
            "'\(text)' cannot start a sign-in link: give the address staff open, such as "
                + "https://training.example.org (http or https, with a host name)."
        case .unsupportedVersion(let location, let found, let supported):
            "\(location): written by a newer csec-trainer (format version \(found); this one reads up to "
                + "\(supported)). Update csec-trainer; nothing was changed."
        }
    }
}
