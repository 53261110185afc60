import Foundation
import Records
import Storage

/// The accounts of a district server: the ``SignInService`` the web pages call, and what the
/// command line does (issue and revoke invitations, add administrators). The rules live here
/// and in the values it stores; the ``AccountStore`` keeps them, embedded or in PostgreSQL.
///
/// Time is passed in; randomness comes from the injected generator (the system's in the
/// server, a seeded one in tests).
public actor DistrictAccounts: SignInService {
    public nonisolated let store: any AccountStore
    public nonisolated let roster: any RosterRepository
    let passwords: any PasswordHasher
    public nonisolated let sessionPolicy: SessionPolicy
    var random: any RandomNumberGenerator & Sendable
    var limiter: SignInLimiter
    /// The hash an unknown name's password is checked against (made on first need).
    var decoyHash: String?

    public init(
        store: any AccountStore, roster: any RosterRepository, passwords: any PasswordHasher = BcryptPasswordHasher(),
        sessionPolicy: SessionPolicy = .standard, limits: SignInLimiter.Rules = .standard,
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.store = store
        self.roster = roster
        self.passwords = passwords
        self.sessionPolicy = sessionPolicy
        self.limiter = SignInLimiter(rules: limits)
        self.random = random
    }

    func newToken() -> SecretToken {
        var generator = StoredGenerator(base: random)
        defer { random = generator.base }
        return SecretToken(using: &generator)
    }

    // MARK: SignInService

    public func redeemInvitation(token: String, now: Date) async throws(AccountError) -> StaffMember {
        guard let token = SecretToken(token) else { throw .invitationUnknown }
        let invitation = try await store.redeemInvitation(tokenHash: token.storedHash, now: now)
        let current = try await rosterMember(withKey: invitation.person.employeeKey)
        guard let current else { throw .leftRoster(name: invitation.person.name) }
        return current
    }

    public func staffMember(withEmail email: String) async throws(AccountError) -> StaffMember? {
        let wanted = MatchingText.folded(email)
        guard !wanted.isEmpty else { return nil }
        return try await currentRoster().first { $0.email.map(MatchingText.folded) == wanted }
    }

    public func signInAdministrator(name: String, password: String, client: String, now: Date) async throws(AccountError)
        -> String
    {
        let nameKey = MatchingText.folded(name)
        // Refused before the password is hashed: a flood of guesses costs no bcrypt.
        if case .refused(let seconds) = limiter.admit(client: client, name: nameKey, now: now) {
            throw .tooManyAttempts(retryAfterSeconds: seconds)
        }
        let account = try await store.administrator(named: name)
        let hash: String
        if let account {
            hash = account.passwordHash
        } else {
            hash = await decoy()
        }
        // The actor is free while bcrypt runs on the thread pool; the attempt is counted already.
        let matches = await passwords.verify(password, against: hash)
        guard let account, matches else { throw .wrongPassword }
        limiter.succeeded(client: client, name: nameKey)
        return account.name
    }

    public func startSession(for person: SignedInPerson, now: Date) async throws(AccountError) -> NewWebSession {
        let cookie = newToken()
        let csrf = newToken()
        let stored = StoredSession(
            tokenHash: cookie.storedHash, person: person, csrfToken: csrf.text, startedAt: now, lastSeenAt: now)
        try await store.saveSession(stored)
        return NewWebSession(cookieToken: cookie.text, session: webSession(stored))
    }

    public func session(cookieToken: String, now: Date) async throws(AccountError) -> WebSession? {
        guard let token = SecretToken(cookieToken) else { return nil }
        guard var stored = try await store.session(tokenHash: token.storedHash) else { return nil }
        if stored.isExpired(at: now, under: sessionPolicy) {
            try await store.deleteSession(tokenHash: stored.tokenHash)
            return nil
        }
        if now.timeIntervalSince(stored.lastSeenAt) >= sessionPolicy.touchInterval {
            try await store.touchSession(tokenHash: stored.tokenHash, at: now)
            stored.lastSeenAt = now
        }
        return webSession(stored)
    }

    /// Deletes the sessions expired at `now` (the server calls it now and then; an expired
    /// session is refused whether or not it was deleted); how many.
    public func removeExpiredSessions(now: Date) async throws(AccountError) -> Int {
        try await store.deleteExpiredSessions(now: now, policy: sessionPolicy)
    }

    public func endSession(cookieToken: String) async throws(AccountError) {
        guard let token = SecretToken(cookieToken) else { return }
        try await store.deleteSession(tokenHash: token.storedHash)
    }

    public func record(_ event: AuditEvent) async throws(AccountError) {
        try await store.appendAudit(event)
    }

    // MARK: Helpers

    func webSession(_ stored: StoredSession) -> WebSession {
        WebSession(person: stored.person, csrfToken: stored.csrfToken, expiresAt: stored.expiresAt(under: sessionPolicy))
    }

    private func decoy() async -> String {
        if let decoyHash { return decoyHash }
        let made = await passwords.hash(newToken().text)
        decoyHash = made
        return made
    }

    func currentRoster() async throws(AccountError) -> [StaffMember] {
        do {
            return try await roster.roster()?.staff ?? []
        } catch {
            throw .storedData(error)
        }
    }

    private func rosterMember(withKey key: String) async throws(AccountError) -> StaffMember? {
        try await currentRoster().first { $0.employeeKey == key }
    }
}

/// The injected generator, as a concrete generator a generic function takes `inout`.
private struct StoredGenerator: RandomNumberGenerator {
    var base: any RandomNumberGenerator & Sendable

    mutating func next() -> UInt64 { base.next() }
}
