import Accounts
import Crypto
import Foundation
import Records

/// A sign-in service kept in memory, for the district server's tests only (never in Sources): it follows ``SignInService``'s
/// contract (single-use, expiring, revocable invitations; a new random session token every
/// sign-in, stored hashed; sessions that expire; administrators' passwords rate limited per
/// client; an append-only audit log), without the persistence of the real one.
public actor InMemorySignIn: SignInService {
    struct Invitation {
        var member: StaffMember
        var expiresAt: Date
        var used = false
        var revoked = false
    }

    public static let sessionLength: TimeInterval = 8 * 3600
    public static let allowedFailures = 5

    public init() {}

    private var invitations: [String: Invitation] = [:]
    private var sessions: [String: WebSession] = [:]
    private var passwords: [String: String] = [:]
    private var roles: [String: AdministratorRole] = [:]
    private var failures: [String: Int] = [:]
    public private(set) var events: [AuditEvent] = []

    /// A new invitation for `member`, valid until `expiresAt`; its token.
    public func invite(_ member: StaffMember, expiresAt: Date) -> String {
        let token = Self.randomToken()
        invitations[Self.hash(token)] = Invitation(member: member, expiresAt: expiresAt)
        return token
    }

    public func revoke(_ token: String) {
        invitations[Self.hash(token)]?.revoked = true
    }

    public func addAdministrator(name: String, password: String, role: AdministratorRole = .district) {
        passwords[name] = password
        roles[name] = role
    }

    public func administratorRole(named name: String) throws(AccountError) -> AdministratorRole? {
        roles[name]
    }

    /// How many sessions are open.
    public var openSessions: Int { sessions.count }

    public func redeemInvitation(token: String, now: Date) throws(AccountError) -> StaffMember {
        let key = Self.hash(token)
        guard let invitation = invitations[key] else { throw .invitationUnknown }
        if invitation.revoked { throw .invitationRevoked }
        if invitation.used { throw .invitationUsed }
        if now >= invitation.expiresAt { throw .invitationExpired }
        invitations[key]?.used = true
        return invitation.member
    }

    public func staffMember(withEmail email: String) throws(AccountError) -> StaffMember? {
        invitations.values.map(\.member).first { $0.email?.lowercased() == email.lowercased() }
    }

    public func signInAdministrator(name: String, password: String, client: String, now: Date) throws(AccountError) -> String {
        if failures[client, default: 0] >= Self.allowedFailures { throw .tooManyAttempts(retryAfterSeconds: 60) }
        guard let expected = passwords[name], expected == password else {
            failures[client, default: 0] += 1
            throw .wrongPassword
        }
        failures[client] = nil
        return name
    }

    public func startSession(for person: SignedInPerson, now: Date) throws(AccountError) -> NewWebSession {
        let token = Self.randomToken()
        let session = WebSession(
            person: person, csrfToken: Self.randomToken(), expiresAt: now.addingTimeInterval(Self.sessionLength))
        sessions[Self.hash(token)] = session
        return NewWebSession(cookieToken: token, session: session)
    }

    public func session(cookieToken: String, now: Date) throws(AccountError) -> WebSession? {
        guard let session = sessions[Self.hash(cookieToken)], now < session.expiresAt else { return nil }
        return session
    }

    public func endSession(cookieToken: String) throws(AccountError) {
        sessions[Self.hash(cookieToken)] = nil
    }

    public func record(_ event: AuditEvent) throws(AccountError) {
        events.append(event)
    }

    /// 128 random bits, URL-safe.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
