import Foundation
import JWTKit

/// ID tokens the tests sign themselves, with ES256 keys they make, and the key sets that
/// publish those keys.
struct TestClaims: JWTPayload {
    var iss: String
    var sub = "248289761001"
    var aud: [String]
    var exp: Double
    var iat: Double
    var nonce: String
    var email = "ana.ruiz@district.example"
    var emailVerified = true
    var name = "Ana Ruiz"

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, email, name
        case emailVerified = "email_verified"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

struct TestSigningKey: Sendable {
    let keyID: String
    let key = ES256PrivateKey()

    /// The public key as a JWK of a key set.
    var jwk: JWK {
        JWK.ecdsa(.es256, identifier: JWKIdentifier(string: keyID), x: key.parameters?.x, y: key.parameters?.y, curve: .p256)
    }

    func sign(_ claims: TestClaims, headerKeyID: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: keyID))
        var header = JWTHeader()
        header.kid = headerKeyID ?? keyID
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID), header: header)
    }

    static func keySet(_ keys: [JWK]) throws -> [UInt8] {
        Array(try JSONEncoder().encode(JWKS(keys: keys)))
    }
}

/// A token's header and payload replaced, its signature kept.
enum TokenSurgery {
    static func replacingPayload(of token: String, change: ([String: Any]) -> [String: Any]) throws -> String {
        let parts = token.split(separator: ".").map(String.init)
        guard let payload = decode(parts[1]) else { throw CocoaError(.coderReadCorrupt) }
        let changed = try JSONSerialization.data(withJSONObject: change(payload))
        return [parts[0], encode(changed), parts[2]].joined(separator: ".")
    }

    static func replacingHeader(of token: String, with header: [String: Any]) throws -> String {
        let parts = token.split(separator: ".").map(String.init)
        return [encode(try JSONSerialization.data(withJSONObject: header)), parts[1], parts[2]].joined(separator: ".")
    }

    static func decode(_ part: String) -> [String: Any]? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
