/// The issuer of a credential: an Open Badges 3.0 `Profile` with an id, its type and a name.
public struct OpenBadgeProfile: Sendable, Codable, Equatable {
    /// The issuer's id; here always a `did:key` (``OpenBadgeDIDKey/did``).
    public var id: String
    /// ["Profile"].
    public var type: [String]
    /// The installation's name: a district or school, else "csec-trainer".
    public var name: String

    public init(id: String, type: [String] = ["Profile"], name: String) {
        self.id = id
        self.type = type
        self.name = name
    }
}
