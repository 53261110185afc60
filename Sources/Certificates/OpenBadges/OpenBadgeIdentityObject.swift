/// One way of naming the recipient: an Open Badges 3.0 `IdentityObject`.
///
/// The trainee's name is carried in plain text (`hashed` false, `identityType` "name"), as the
/// credential is handed to the trainee and shown to whoever they choose.
public struct OpenBadgeIdentityObject: Sendable, Codable, Equatable {
    /// "IdentityObject".
    public var type: String
    /// Whether ``identityHash`` is a hash (`sha256$…`) rather than the plain value.
    public var hashed: Bool
    /// The identity itself (when not hashed) or its hash.
    public var identityHash: String
    /// What kind of identity: "name", "emailAddress", … (the OB 3.0 `IdentifierTypeEnum`).
    public var identityType: String
    /// The salt of a hashed identity, if any.
    public var salt: String?

    public init(
        type: String = "IdentityObject", hashed: Bool, identityHash: String, identityType: String, salt: String? = nil
    ) {
        self.type = type
        self.hashed = hashed
        self.identityHash = identityHash
        self.identityType = identityType
        self.salt = salt
    }

    /// A plain-text name.
    public static func name(_ name: String) -> OpenBadgeIdentityObject {
        OpenBadgeIdentityObject(hashed: false, identityHash: name, identityType: "name")
    }
}
