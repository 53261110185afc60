import Foundation
import Records

extension DistrictAccounts {
    /// Issues a new sign-in link to each of `staff` (people on the roster), working until
    /// `expiresAt`, on the server at `publicURL`; earlier links of the same people stop working.
    /// The links exist only in what this returns: the store keeps their hashes. The audit line
    /// names `actor`, and `purpose` when given ("reminders of the compliance dashboard…").
    public func issueInvitations(
        to staff: [StaffMember], expiresAt: Date, publicURL: URL, now: Date, by actor: String, purpose: String? = nil
    ) async throws(AccountError) -> [IssuedInvitation] {
        let issued = staff.map { member in
            let token = newToken()
            return IssuedInvitation(
                person: member, token: token, link: InvitationLink.url(publicURL: publicURL, token: token),
                expiresAt: expiresAt)
        }
        try await store.issue(
            issued.map { Invitation(tokenHash: $0.token.storedHash, person: $0.person, issuedAt: now, expiresAt: expiresAt) })
        try await store.appendAudit(
            AuditEvent(
                at: now, action: .invitationsIssued, actor: actor,
                detail: "\(issued.count) invitation(s), valid until \(expiresAt.formatted(.iso8601))"
                    + (purpose.map { ": \($0)" } ?? "")))
        return issued
    }

    /// The people of the roster `selection` takes in, for issuing invitations to them.
    public func rosteredStaff(_ selection: InvitationSelection) async throws(AccountError) -> [StaffMember] {
        try await currentRoster().filter(selection.contains)
    }

    /// Withdraws the outstanding invitations of `selection`; how many.
    public func revokeInvitations(_ selection: InvitationSelection, now: Date, by actor: String) async throws(AccountError)
        -> Int
    {
        let count = try await store.revokeInvitations(selection, now: now)
        try await store.appendAudit(
            AuditEvent(at: now, action: .invitationRevoked, actor: actor, detail: "\(count) invitation(s) of \(selection.words)"))
        return count
    }

    /// Adds an administrator with `password` (hashed with bcrypt; the password is not kept): a
    /// site administrator of `school` (which the staff roster must list, when one is imported),
    /// or a district administrator without one.
    public func addAdministrator(
        name: String, password: String, school: String? = nil, now: Date, by actor: String
    ) async throws(AccountError) -> AdministratorAccount {
        let name = try AdministratorAccount.checkedName(name)
        let school = try AdministratorAccount.checkedSchool(school)
        try AdministratorAccount.checkPassword(password)
        if let school { try await requireRosteredSchool(school) }
        if try await store.administrator(named: name) != nil { throw .administratorExists(name: name) }
        let account = AdministratorAccount(
            name: name, passwordHash: await passwords.hash(password), addedAt: now, school: school)
        try await store.addAdministrator(account)
        try await store.appendAudit(
            AuditEvent(at: now, action: .administratorAdded, actor: actor, detail: "\(name), \(account.role.words)"))
        return account
    }

    /// Makes the administrator named `name` a site administrator of `school` (which the staff
    /// roster must list, when one is imported), or a district administrator without one; audited.
    /// It takes effect at their next request.
    public func changeAdministrator(named name: String, school: String?, now: Date, by actor: String)
        async throws(AccountError) -> AdministratorAccount
    {
        let school = try AdministratorAccount.checkedSchool(school)
        if let school { try await requireRosteredSchool(school) }
        let account = try await store.changeAdministrator(named: name, school: school)
        try await store.appendAudit(
            AuditEvent(
                at: now, action: .administratorChanged, actor: actor, detail: "\(account.name), now \(account.role.words)"))
        return account
    }

    /// Removes the administrator named `name`; audited. Their sessions are refused from their next
    /// request on.
    public func removeAdministrator(named name: String, now: Date, by actor: String) async throws(AccountError)
        -> AdministratorAccount
    {
        let account = try await store.removeAdministrator(named: name)
        try await store.appendAudit(
            AuditEvent(
                at: now, action: .administratorRemoved, actor: actor, detail: "\(account.name), \(account.role.words)"))
        return account
    }

    /// The role of the administrator named `name`; nil when there is no such administrator
    /// (any more).
    public func administratorRole(named name: String) async throws(AccountError) -> AdministratorRole? {
        try await store.administrator(named: name)?.role
    }

    /// Throws unless someone on the staff roster works at `school` (any school does while no
    /// roster is imported: the administrator may be added first).
    private func requireRosteredSchool(_ school: String) async throws(AccountError) {
        let staff = try await currentRoster()
        guard !staff.isEmpty else { return }
        let selection = InvitationSelection.school(school)
        guard !staff.contains(where: selection.contains) else { return }
        throw .schoolNotOnRoster(school: school, known: Set(staff.map(\.school)).sorted())
    }
}
