import Foundation

/// A signed-in browser session, as the server finds it from its cookie.
public struct WebSession: Sendable, Hashable {
    public var person: SignedInPerson
    /// The token every form of this session carries, checked on every state-changing request.
    public var csrfToken: String
    public var expiresAt: Date

    public init(person: SignedInPerson, csrfToken: String, expiresAt: Date) {
        self.person = person
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// A session just started: the secret for the cookie (only its hash is stored) and the session.
public struct NewWebSession: Sendable, Hashable {
    public var cookieToken: String
    public var session: WebSession

    public init(cookieToken: String, session: WebSession) {
        self.cookieToken = cookieToken
        self.session = session
    }
}
