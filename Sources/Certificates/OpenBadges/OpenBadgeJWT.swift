import Base64URLCoding
import Crypto
import Foundation
internal import JWTKit

/// Signs and checks Open Badges credentials as VC-JWTs: compact JWS, header
/// `{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6Mk…#z6Mk…"}`, the credential JSON as payload.
///
/// Built on vapor/jwt-kit (`JWTKeyCollection` with an EdDSA key) rather than a hand-written
/// JWS: its `JWTPayload` asks for no registered claims, so the payload is exactly the
/// credential, and `sign(_:kid:header:)` takes the `typ` and `kid` we need. jwt-kit's API is an
/// actor, hence `async`. Around it this type adds what jwt-kit leaves to the caller: the key
/// comes from the header's did:key and must match the credential's issuer (and the expected
/// key, when given), `alg` and `typ` are checked, and every part must be canonical base64url
/// so that no changed character can still verify.
///
/// No clock and no randomness: Ed25519 signatures are deterministic, JSON keys are sorted, and
/// validity dates are left to the caller to compare with the current date.
public enum OpenBadgeJWT {
    /// The compact VC-JWT of `credential`, signed with the installation key `key`.
    ///
    /// Throws ``OpenBadgeError/issuerIsNotTheSigningKey`` unless the credential's issuer id is
    /// the did:key of `key`.
    public static func sign(
        _ credential: OpenBadgeCredential, with key: Curve25519.Signing.PrivateKey
    ) async throws(OpenBadgeError) -> String {
        let identity = OpenBadgeDIDKey(publicKey: key.publicKey)
        guard credential.issuer.id == identity.did else { throw .issuerIsNotTheSigningKey }
        let kid = JWKIdentifier(string: identity.keyID)
        let header: JWTHeader = [
            "alg": .string(OpenBadgeJWSHeader.algorithm), "typ": .string(OpenBadgeJWSHeader.tokenType),
        ]
        do {
            let keys = await JWTKeyCollection().add(
                eddsa: EdDSA.PrivateKey(backing: key), kid: kid, serializer: DefaultJWTSerializer(jsonEncoder: jsonEncoder))
            return try await keys.sign(OpenBadgeJWTPayload(credential), kid: kid, header: header)
        } catch {
            throw .signingFailed(String(describing: error))
        }
    }

    /// Sorted keys: jwt-kit keeps header fields in a dictionary, whose order would otherwise
    /// change from call to call; sorted, the same credential and key always give the same token.
    private static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The credential in `token` if its signature verifies with the issuer key named in the
    /// header (`kid`, a did:key), that key is the credential's issuer, and — when
    /// `expectedIssuerKey` is given — it is that key.
    ///
    /// Does not judge `validFrom`/`validUntil`: compare them with today's date yourself.
    public static func verify(
        _ token: String, expectedIssuerKey: Curve25519.Signing.PublicKey? = nil
    ) async throws(OpenBadgeError) -> OpenBadgeCredential {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }),
            let headerJSON = Base64URL.decode(parts[0]),
            Base64URL.decode(parts[1]) != nil, Base64URL.decode(parts[2])?.count == 64,
            let header = try? JSONDecoder().decode(OpenBadgeJWSHeader.self, from: headerJSON),
            header.crit == nil
        else { throw .notABadgeToken }
        guard header.alg == OpenBadgeJWSHeader.algorithm else {
            throw .unsupportedSignatureAlgorithm(header.alg ?? "none given")
        }
        guard header.typ == OpenBadgeJWSHeader.tokenType else { throw .unsupportedTokenType(header.typ ?? "none given") }
        guard let kid = header.kid else { throw .missingSigningKeyID }
        let signer = try OpenBadgeDIDKey(keyID: kid)
        if let expectedIssuerKey, OpenBadgeDIDKey(publicKey: expectedIssuerKey) != signer {
            throw .unexpectedIssuer
        }

        let credential: OpenBadgeCredential
        do {
            let keys = await JWTKeyCollection().add(
                eddsa: EdDSA.PublicKey(backing: signer.publicKey), kid: JWKIdentifier(string: kid))
            credential = try await keys.verify(token, as: OpenBadgeJWTPayload.self).credential
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .signatureDoesNotMatch
        } catch {
            throw .unreadableCredential
        }
        guard credential.type.contains("VerifiableCredential"),
            credential.type.contains("OpenBadgeCredential") || credential.type.contains("AchievementCredential")
        else { throw .unreadableCredential }
        guard credential.issuer.id == signer.did else { throw .signingKeyDoesNotMatchIssuer }
        return credential
    }
}
