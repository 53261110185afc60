/// An Open Badges 3.0 `OpenBadgeCredential`, a W3C Verifiable Credential (Data Model 2.0).
///
/// Plain data: build one from a certificate with
/// ``init(details:issuerKey:validity:)``, sign it with ``OpenBadgeJWT/sign(_:with:)`` and check
/// a signed one with ``OpenBadgeJWT/verify(_:expectedIssuerKey:)``.
public struct OpenBadgeCredential: Sendable, Codable, Equatable {
    /// The JSON-LD contexts: VC 2.0, then Open Badges 3.0.3.
    public static let standardContext = [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    /// The credential types.
    public static let standardType = ["VerifiableCredential", "OpenBadgeCredential"]

    /// `@context`.
    public var context: [String]
    /// "urn:uuid:<completion record id, lowercased>".
    public var id: String
    /// ``standardType``.
    public var type: [String]
    /// The installation that issued it.
    public var issuer: OpenBadgeProfile
    /// When the training was completed.
    public var validFrom: OpenBadgeDateTime
    /// When the credential stops being valid, if ever.
    public var validUntil: OpenBadgeDateTime?
    /// The credential's display name (the course title).
    public var name: String
    /// A short description naming the record id and verification code.
    public var description: String?
    /// The trainee and the course.
    public var credentialSubject: OpenBadgeAchievementSubject
    /// The completion record behind it.
    public var evidence: [OpenBadgeEvidence]?

    public init(
        context: [String] = OpenBadgeCredential.standardContext, id: String,
        type: [String] = OpenBadgeCredential.standardType, issuer: OpenBadgeProfile, validFrom: OpenBadgeDateTime,
        validUntil: OpenBadgeDateTime?, name: String, description: String?,
        credentialSubject: OpenBadgeAchievementSubject, evidence: [OpenBadgeEvidence]?
    ) {
        self.context = context
        self.id = id
        self.type = type
        self.issuer = issuer
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.name = name
        self.description = description
        self.credentialSubject = credentialSubject
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, validUntil, name, description, credentialSubject, evidence
    }
}
