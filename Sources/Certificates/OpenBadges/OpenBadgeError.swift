/// Why an Open Badges credential could not be made, signed or checked, in words a school
/// trainer can act on (``description``).
public enum OpenBadgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a signed badge: not three dot-separated parts, not valid base64url, or
    /// its header is not readable.
    case notABadgeToken
    /// The signature checks out but what was signed is not an Open Badges credential this app
    /// can read.
    case unreadableCredential
    /// The badge was signed with a method this app does not accept (only "EdDSA").
    case unsupportedSignatureAlgorithm(String)
    /// The badge does not say it is a verifiable credential (`typ` must be "vc+jwt").
    case unsupportedTokenType(String)
    /// The badge does not name the key it was signed with (no `kid`).
    case missingSigningKeyID
    /// The named key or issuer id is not an Ed25519 `did:key` this app can check.
    case unrecognizedIssuerKey(String)
    /// The key that signed the badge is not the key of the issuer named inside it.
    case signingKeyDoesNotMatchIssuer
    /// The badge was signed by an issuer other than the one you expected.
    case unexpectedIssuer
    /// The signature does not match: the badge was changed after it was issued.
    case signatureDoesNotMatch
    /// Signing refused: the credential names an issuer whose key is not the signing key.
    case issuerIsNotTheSigningKey
    /// A date is not written as `YYYY-MM-DDThh:mm:ss` with `Z` or an offset like `-08:00`.
    case invalidDateTime(String)
    /// The credential could not be written out or signed (the underlying reason attached).
    case signingFailed(String)

    public var description: String {
        switch self {
        case .notABadgeToken:
            "This is not a signed training badge, or part of it is missing or damaged. Ask the issuer for a new copy."
        case .unreadableCredential:
            "The badge is signed, but its contents are not a training credential this app can read."
        case .unsupportedSignatureAlgorithm(let name):
            "The badge uses a signing method this app does not accept (\"\(name)\"). It cannot be checked here."
        case .unsupportedTokenType(let name):
            "The badge is not marked as a verifiable credential (it says \"\(name)\"). It cannot be checked here."
        case .missingSigningKeyID:
            "The badge does not say which key signed it, so it cannot be checked."
        case .unrecognizedIssuerKey(let text):
            "The issuer of this badge is not identified in a way this app can check (\"\(text)\")."
        case .signingKeyDoesNotMatchIssuer:
            "The badge was signed by someone other than the issuer it names. Do not accept it."
        case .unexpectedIssuer:
            "The badge was issued by a different school or district than the one you expected. Do not accept it."
        case .signatureDoesNotMatch:
            "The badge was changed after it was issued, so its signature no longer matches. Do not accept it."
        case .issuerIsNotTheSigningKey:
            "The badge names a different issuer than this installation, so this installation cannot sign it."
        case .invalidDateTime(let text):
            "The date \"\(text)\" is not written as a full date and time with its time zone."
        case .signingFailed(let reason):
            "The badge could not be created: \(reason)."
        }
    }
}
