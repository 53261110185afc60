import Foundation

/// The person the provider vouches for, from an ID token that passed every check.
public struct VerifiedIdentity: Sendable, Equatable, Codable {
    public var issuer: String
    /// The provider's stable identifier of the person (`sub`), unique within the issuer.
    public var subject: String
    /// The address to match to the staff roster (without regard to case).
    public var email: String
    /// `email_verified` as the provider sent it, nil when it sent none. Sign-in is refused when
    /// it is false.
    public var emailVerified: Bool?
    public var name: String?

    public init(issuer: String, subject: String, email: String, emailVerified: Bool?, name: String?) {
        self.issuer = issuer
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
    }
}
