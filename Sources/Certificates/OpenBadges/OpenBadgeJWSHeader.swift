/// The protected header of a VC-JWT, read before the signature is checked to find the key.
struct OpenBadgeJWSHeader: Sendable, Codable, Equatable {
    /// The only algorithm signed and accepted.
    static let algorithm = "EdDSA"
    /// The media type of a credential secured as a JWT (VC-JOSE-COSE).
    static let tokenType = "vc+jwt"

    var alg: String?
    var typ: String?
    var kid: String?
    /// Extensions the reader must understand; none are, so any makes the token unreadable.
    var crit: [String]?
}
