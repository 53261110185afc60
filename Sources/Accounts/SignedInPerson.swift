import Records

/// Who a browser session belongs to: a member of the staff roster (signed in by an invitation
/// link or by the district's OpenID provider) or an administrator (signed in with a password).
public enum SignedInPerson: Sendable, Hashable, Codable {
    case staff(StaffMember)
    case administrator(name: String)

    /// The name the audit log and the pages show.
    public var displayName: String {
        switch self {
        case .staff(let member): member.name
        case .administrator(let name): name
        }
    }
}
