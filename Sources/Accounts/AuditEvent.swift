import Foundation

/// One line of the append-only audit log: sign-ins, record exports, statements sent to a learning
/// record store, and administrative actions.
public struct AuditEvent: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case signedIn = "signed in"
        case signInRefused = "sign-in refused"
        case signedOut = "signed out"
        case recordsExported = "records exported"
        /// Records' xAPI statements sent to a learning record store by `records send`.
        case statementsSent = "statements sent"
        case invitationsIssued = "invitations issued"
        case invitationRevoked = "invitation revoked"
        case administratorAdded = "administrator added"
        case administratorChanged = "administrator changed"
        case administratorRemoved = "administrator removed"
        case groupSessionStarted = "group session started"
        case groupSessionEnded = "group session ended"
    }

    public var at: Date
    public var action: Action
    /// Who acted: a staff member's or administrator's name, or "unknown" for a refused sign-in.
    public var actor: String
    /// What was acted on, in words (the sign-in method, the school, the file written…).
    public var detail: String
    /// The client's address, when a request made the event.
    public var clientAddress: String?

    public init(at: Date, action: Action, actor: String, detail: String, clientAddress: String? = nil) {
        self.at = at
        self.action = action
        self.actor = actor
        self.detail = detail
        self.clientAddress = clientAddress
    }
}
