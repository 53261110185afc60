import Crypto
import Foundation

/// The public keys a verifier trusts, each with the district or school it belongs to: the
/// installation's own key, or a key file given to check records and certificates made
/// elsewhere (``read(_:path:)``).
public struct TrustedKeys: Sendable {
    /// One trusted key.
    public struct Key: Sendable, Equatable {
        public var publicKey: Curve25519.Signing.PublicKey
        /// The district or school that holds the private key, when the key file names it.
        public var issuer: String?
        public var keyID: String { publicKey.keyID }

        public init(publicKey: Curve25519.Signing.PublicKey, issuer: String?) {
            self.publicKey = publicKey
            self.issuer = issuer
        }

        public static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation && lhs.issuer == rhs.issuer
        }
    }

    /// The keys by ``Curve25519/Signing/PublicKey/keyID``.
    public private(set) var keys: [String: Key] = [:]

    public init(_ keys: [Key]) {
        for key in keys { self.keys[key.keyID] = key }
    }

    /// The installation's own key.
    public init(installationKey: InstallationKey, issuer: String? = nil) {
        self.init([Key(publicKey: installationKey.publicKey, issuer: issuer)])
    }

    /// The trusted key whose id is `keyID`.
    public subscript(keyID: String) -> Key? { keys[keyID] }

    /// The keys' ids, sorted.
    public var keyIDs: [String] { keys.keys.sorted() }

    /// The public keys by id.
    var publicKeys: [String: Curve25519.Signing.PublicKey] { keys.mapValues(\.publicKey) }

    /// The keys in a key file: a PEM public key or a JSON Web Key (what `keys export` prints),
    /// or a key set (`csec-trainer-key-set`, ``KeySetFile``) naming each key's district or
    /// school. Throws ``RecordStoreError/badKeyFile(path:reason:)`` naming `path`.
    public static func read(_ data: Data, path: String) throws(RecordStoreError) -> TrustedKeys {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("-----BEGIN PUBLIC KEY-----") {
            return TrustedKeys([Key(publicKey: try publicKey(pem: text, path: path), issuer: nil)])
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .badKeyFile(
                path: path, reason: "it is neither a PEM public key nor JSON (a JSON Web Key or a csec-trainer key set)")
        }
        if object["format"] != nil { return try KeySetFile.read(data, path: path) }
        guard let jwk = try? JSONDecoder().decode(KeySetFile.JWK.self, from: data) else {
            throw .badKeyFile(path: path, reason: "the JSON is not a JSON Web Key: it needs \"kty\", \"crv\" and \"x\"")
        }
        return TrustedKeys([Key(publicKey: try jwk.publicKey(path: path, at: "the key"), issuer: nil)])
    }

    /// The key in a PEM SubjectPublicKeyInfo (RFC 8410) block.
    private static func publicKey(pem: String, path: String) throws(RecordStoreError) -> Curve25519.Signing.PublicKey {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let prefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        guard let der = Data(base64Encoded: body), der.count == 44, Array(der.prefix(12)) == prefix,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else {
            throw .badKeyFile(path: path, reason: "the PEM block is not an Ed25519 public key")
        }
        return key
    }
}
