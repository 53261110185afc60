import Foundation

/// Where accounts are kept, whatever the backend: files in the data directory for the embedded
/// default (``FileAccountStore``), tables for PostgreSQL (`PostgresAccountStore`). Every
/// backend passes the same contract suite (Tests/AccountsTests/AccountStoreContractTests).
///
/// Secrets are stored only as their SHA-256: a copy of the store redeems no link and opens no
/// session.
public protocol AccountStore: Sendable {
    /// Stores new invitations and withdraws, at their issue time, the outstanding ones of the
    /// same people (a person's newest link is the one that works), in one step.
    func issue(_ invitations: [Invitation]) async throws(AccountError)
    /// Uses the invitation whose token hashes to `tokenHash` (see ``Invitation/redeemed(at:)``),
    /// atomically: of any number of redemptions at once, exactly one succeeds.
    func redeemInvitation(tokenHash: String, now: Date) async throws(AccountError) -> Invitation
    /// Withdraws the outstanding invitations of `selection`; how many.
    func revokeInvitations(_ selection: InvitationSelection, now: Date) async throws(AccountError) -> Int
    /// Every invitation, in the order issued.
    func invitations() async throws(AccountError) -> [Invitation]

    /// Adds an administrator; refuses a name already taken (case and extra spaces ignored).
    func addAdministrator(_ account: AdministratorAccount) async throws(AccountError)
    /// The administrator with this name (case and extra spaces ignored).
    func administrator(named name: String) async throws(AccountError) -> AdministratorAccount?
    /// Every administrator, in the order added.
    func administrators() async throws(AccountError) -> [AdministratorAccount]
    /// Makes the administrator named `name` a site administrator of `school`, or a district
    /// administrator when nil; the account as it is now. Throws ``AccountError/noSuchAdministrator(name:)``.
    func changeAdministrator(named name: String, school: String?) async throws(AccountError) -> AdministratorAccount
    /// Removes the administrator named `name`; the account as it was. Their sessions are refused
    /// from their next request on. Throws ``AccountError/noSuchAdministrator(name:)``.
    func removeAdministrator(named name: String) async throws(AccountError) -> AdministratorAccount

    func saveSession(_ session: StoredSession) async throws(AccountError)
    func session(tokenHash: String) async throws(AccountError) -> StoredSession?
    /// Records that the session was used at `time`.
    func touchSession(tokenHash: String, at time: Date) async throws(AccountError)
    func deleteSession(tokenHash: String) async throws(AccountError)
    /// Deletes the sessions expired at `now` under `policy`; how many.
    func deleteExpiredSessions(now: Date, policy: SessionPolicy) async throws(AccountError) -> Int

    /// Appends one line to the audit log (see ``AuditChain``); lines are never rewritten.
    func appendAudit(_ event: AuditEvent) async throws(AccountError)
    /// The audit log read back and its chain checked.
    func auditTrail() async throws(AccountError) -> AuditTrail
}
