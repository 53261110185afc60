import Base64URLCoding
import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636) with the S256 method: the code verifier stays on the
/// server, its hash travels in the authorization request, and the token request proves that
/// the same party asks for the tokens.
public enum PKCE {
    public static let method = "S256"

    /// `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2).
    public static func challenge(forVerifier verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }
}
