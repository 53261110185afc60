import Records

/// Who a browser session belongs to: a member of the staff roster (signed in by an invitation
/// link or by the district's OpenID provider) or an administrator (signed in with a password).
///
/// Stored as `{"kind":"staff","member":{…}}` or `{"kind":"administrator","name":"…"}`.
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

    private enum CodingKeys: String, CodingKey {
        case kind, member, name
    }

    private enum Kind: String, Codable {
        case staff, administrator
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .staff: self = .staff(try container.decode(StaffMember.self, forKey: .member))
        case .administrator: self = .administrator(name: try container.decode(String.self, forKey: .name))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .staff(let member):
            try container.encode(Kind.staff, forKey: .kind)
            try container.encode(member, forKey: .member)
        case .administrator(let name):
            try container.encode(Kind.administrator, forKey: .kind)
            try container.encode(name, forKey: .name)
        }
    }
}
