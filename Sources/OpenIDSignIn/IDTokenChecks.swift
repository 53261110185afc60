import Foundation
import JWTKit

/// The checks of OpenID Connect Core §3.1.3.7 on the claims of an ID token whose signature has
/// been verified: issuer, audience and authorized party, expiry, not-before and issue time
/// (with a leeway for clock skew), nonce; then the e-mail address the roster is matched on,
/// refused when the provider says it is not verified (`email_verified`, or Microsoft Entra's
/// `xms_edov`, false).
struct IDTokenChecks {
    var issuer: String
    var clientID: String
    var nonce: String
    var leeway: TimeInterval

    func verifiedIdentity(from claims: IDTokenClaims, now: Date) throws(OpenIDSignInError) -> VerifiedIdentity {
        guard let iss = claims.iss else { throw .malformedIDToken(reason: "it has no issuer (iss)") }
        guard iss == issuer || Self.alsoAccepted(iss, for: issuer) else { throw .wrongIssuer(expected: issuer, found: iss) }
        let audiences = claims.aud?.value ?? []
        guard audiences.contains(clientID) else { throw .wrongAudience(clientID: clientID, found: audiences) }
        if audiences.count > 1 || claims.azp != nil, claims.azp != clientID {
            throw .wrongAuthorizedParty(clientID: clientID, found: claims.azp)
        }
        guard let exp = claims.exp else { throw .malformedIDToken(reason: "it has no expiry time (exp)") }
        let expiry = Date(timeIntervalSince1970: exp)
        guard now < expiry.addingTimeInterval(leeway) else { throw .expired(at: expiry) }
        if let nbf = claims.nbf {
            let notBefore = Date(timeIntervalSince1970: nbf)
            guard now.addingTimeInterval(leeway) >= notBefore else { throw .notYetValid(until: notBefore) }
        }
        guard let iat = claims.iat else { throw .malformedIDToken(reason: "it has no issue time (iat)") }
        let issued = Date(timeIntervalSince1970: iat)
        guard issued <= now.addingTimeInterval(leeway) else { throw .issuedInFuture(at: issued) }
        guard let tokenNonce = claims.nonce, ConstantTime.equal(tokenNonce, nonce) else { throw .nonceMismatch }
        guard let subject = claims.sub, !subject.isEmpty else {
            throw .malformedIDToken(reason: "it has no subject (sub)")
        }
        guard let email = claims.email, !email.isEmpty else { throw .emailMissing }
        if claims.emailVerified?.value == false || claims.emailDomainOwnerVerified?.value == false {
            throw .emailNotVerified(email: email)
        }
        return VerifiedIdentity(
            issuer: iss, subject: subject, email: email, emailVerified: claims.emailVerified?.value, name: claims.name)
    }

    /// Google's documentation gives its ID tokens' `iss` as `https://accounts.google.com` or
    /// `accounts.google.com`: the second is accepted for the first, and nothing else is.
    static func alsoAccepted(_ found: String, for issuer: String) -> Bool {
        issuer == "https://accounts.google.com" && found == "accounts.google.com"
    }
}
