import Base64URLCoding
import Foundation
import JWTKit

/// The header of a signed ID token, read before its signature is checked to find the key.
struct IDTokenHeader: Equatable {
    /// The asymmetric algorithms accepted (RFC 7518 §3.1); never `none` nor an HMAC, whose key
    /// would be the client secret.
    static let acceptedAlgorithms: Set<String> = [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    ]

    var algorithm: String
    var keyID: String?

    init(token: String) throws(OpenIDSignInError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformedIDToken(reason: "it is not a signed token in compact form (three parts separated by dots)")
        }
        guard let data = Base64URL.decode(parts[0]), let header = try? JSONDecoder().decode(Fields.self, from: data)
        else { throw .malformedIDToken(reason: "its header is not base64url-encoded JSON") }
        algorithm = header.alg ?? ""
        keyID = header.kid
        guard Self.acceptedAlgorithms.contains(algorithm) else { throw .disallowedAlgorithm(algorithm) }
    }

    private struct Fields: Decodable {
        var alg: String?
        var kid: String?
    }
}

/// The claims of an ID token that sign-in checks or returns (OpenID Connect Core §2, §5.1).
/// Every one is optional here so that a missing one is reported by name.
struct IDTokenClaims: JWTPayload, Equatable {
    var iss: String?
    var sub: String?
    var aud: AudienceClaim?
    var azp: String?
    var exp: Double?
    var iat: Double?
    var nbf: Double?
    var nonce: String?
    var email: String?
    var emailVerified: BoolClaim?
    /// Microsoft Entra's optional claim: whether the owner of the e-mail address's domain has
    /// been verified.
    var emailDomainOwnerVerified: BoolClaim?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, azp, exp, iat, nbf, nonce, email, name
        case emailVerified = "email_verified"
        case emailDomainOwnerVerified = "xms_edov"
    }

    /// Nothing here: the claims are checked against the sign-in and the time passed in
    /// (``IDTokenChecks``).
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
