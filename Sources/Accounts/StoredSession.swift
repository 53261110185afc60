import Foundation

/// A signed-in browser session as the store keeps it: the SHA-256 of its cookie token (never
/// the token), who signed in, the session's CSRF token, when it started and when it was last
/// used.
public struct StoredSession: Sendable, Codable, Hashable {
    /// ``SecretToken/storedHash`` of the cookie's token.
    public var tokenHash: String
    public var person: SignedInPerson
    public var csrfToken: String
    public var startedAt: Date
    public var lastSeenAt: Date

    public init(tokenHash: String, person: SignedInPerson, csrfToken: String, startedAt: Date, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.person = person
        self.csrfToken = csrfToken
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
    }

    /// When the session ends unless used again: after `policy.idle` without use, and
    /// `policy.absolute` after sign-in whatever happens.
    public func expiresAt(under policy: SessionPolicy) -> Date {
        min(lastSeenAt + policy.idle, startedAt + policy.absolute)
    }

    public func isExpired(at now: Date, under policy: SessionPolicy) -> Bool {
        now >= expiresAt(under: policy)
    }
}

/// How long sessions last.
public struct SessionPolicy: Sendable, Equatable {
    /// Ended after this long without a request.
    public var idle: TimeInterval
    /// Ended this long after sign-in, used or not.
    public var absolute: TimeInterval
    /// The last use is written at most this often (a page load writes nothing more).
    public var touchInterval: TimeInterval

    /// 30 minutes idle, 12 hours in all (a training day), the last use written once a minute.
    public static let standard = SessionPolicy(idle: 30 * 60, absolute: 12 * 60 * 60, touchInterval: 60)

    public init(idle: TimeInterval, absolute: TimeInterval, touchInterval: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
        self.touchInterval = touchInterval
    }
}
