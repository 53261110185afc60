import Foundation

/// One person's invitation as the printed sheet and the mail-merge file show it: who, where,
/// their personal sign-in link and when it stops working. Plain values, so any issuer of
/// invitations can fill it in.
public struct InvitationSheetEntry: Sendable, Codable, Hashable {
    /// The person's name as the roster gives it ("José Núñez").
    public var name: String
    /// Their employee id, for the mail merge (a district matches its own lists by it).
    public var employeeID: String?
    /// Their e-mail address, for the mail merge; nil for staff without district e-mail.
    public var email: String?
    /// The school they are rostered at.
    public var school: String
    /// Their role ("teacher", "bus driver"), when the roster gives it.
    public var role: String?
    /// The personal, single-use sign-in link.
    public var link: URL
    /// When the link stops working.
    public var expiresAt: Date
    /// Who invites them (the district or county office), printed at the top of the card.
    public var issuerName: String

    public init(
        name: String, employeeID: String? = nil, email: String? = nil, school: String, role: String? = nil, link: URL,
        expiresAt: Date,
        issuerName: String
    ) {
        self.name = name
        self.employeeID = employeeID
        self.email = email
        self.school = school
        self.role = role
        self.link = link
        self.expiresAt = expiresAt
        self.issuerName = issuerName
    }
}
