import Foundation
import Records

/// What the district server needs from accounts: the seam between its HTTP layer and the
/// invitations, administrators, sessions and audit log behind it (embedded or PostgreSQL).
/// Time is passed in, never read.
public protocol SignInService: Sendable {
    /// Uses a single-use invitation token once; the rostered person it was issued to.
    func redeemInvitation(token: String, now: Date) async throws(AccountError) -> StaffMember
    /// The rostered person with this e-mail address (matched without regard to case), for a
    /// sign-in by the district's OpenID provider.
    func staffMember(withEmail email: String) async throws(AccountError) -> StaffMember?
    /// Checks an administrator's password, rate limited per client and per name; their name.
    func signInAdministrator(name: String, password: String, client: String, now: Date) async throws(AccountError)
        -> String
    /// The role of the administrator named `name` (a district or a site administrator), read
    /// on every request of the administrators' area, so that a changed account takes effect at
    /// once; nil when there is no such administrator.
    func administratorRole(named name: String) async throws(AccountError) -> AdministratorRole?
    /// Starts a new session (a new cookie token every sign-in, so a session id is never fixed
    /// before sign-in).
    func startSession(for person: SignedInPerson, now: Date) async throws(AccountError) -> NewWebSession
    /// The session a cookie token belongs to, if it exists and has not expired.
    func session(cookieToken: String, now: Date) async throws(AccountError) -> WebSession?
    func endSession(cookieToken: String) async throws(AccountError)
    /// Appends to the audit log.
    func record(_ event: AuditEvent) async throws(AccountError)
}
