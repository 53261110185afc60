import Foundation
import Records

/// A personal sign-in link as the store keeps it: the SHA-256 of its token (never the token),
/// whom it was issued to, until when it works, and whether it was used or withdrawn. It works
/// once, before it expires, unless withdrawn.
public struct Invitation: Sendable, Codable, Hashable {
    /// ``SecretToken/storedHash`` of the link's token.
    public var tokenHash: String
    /// The rostered person, as the roster listed them when the link was issued.
    public var person: StaffMember
    public var issuedAt: Date
    public var expiresAt: Date
    /// When the link was used; nil while it has not been.
    public var redeemedAt: Date?
    /// When the link was withdrawn (revoked, or superseded by a newer link for the same person).
    public var revokedAt: Date?

    public init(
        tokenHash: String, person: StaffMember, issuedAt: Date, expiresAt: Date, redeemedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.tokenHash = tokenHash
        self.person = person
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.redeemedAt = redeemedAt
        self.revokedAt = revokedAt
    }

    /// The invitation used at `now`, or why it cannot be: used already, withdrawn, or expired
    /// (a link expires at ``expiresAt`` exactly). Stores apply this under their lock or
    /// transaction, so that a link is used once even when two browsers open it at once.
    public func redeemed(at now: Date) throws(AccountError) -> Invitation {
        if redeemedAt != nil { throw .invitationUsed }
        if revokedAt != nil { throw .invitationRevoked }
        if now >= expiresAt { throw .invitationExpired }
        var used = self
        used.redeemedAt = now
        return used
    }

    /// Neither used nor withdrawn (it may have expired): what a revocation withdraws.
    public var isOutstanding: Bool { redeemedAt == nil && revokedAt == nil }
}

/// Which outstanding invitations a revocation withdraws.
public enum InvitationSelection: Sendable, Hashable {
    /// The person with this employee id (case and extra spaces ignored).
    case person(employeeID: String)
    /// Everyone at this school (case and extra spaces ignored).
    case school(String)
    case everyone

    /// In words, for the audit log.
    public var words: String {
        switch self {
        case .person(let employeeID): "employee \(employeeID)"
        case .school(let school): "school \(school)"
        case .everyone: "everyone"
        }
    }

    public func contains(_ member: StaffMember) -> Bool {
        switch self {
        case .person(let employeeID): member.employeeKey == MatchingText.folded(employeeID)
        case .school(let school): MatchingText.folded(member.school) == MatchingText.folded(school)
        case .everyone: true
        }
    }
}
