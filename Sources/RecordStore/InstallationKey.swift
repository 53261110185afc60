import Crypto
import Foundation

/// This installation's Ed25519 key pair: it signs every completion record (and credential).
///
/// Created on first use in `<data dir>/keys/installation-ed25519.json`, readable by its owner
/// only (0600, directory 0700). Back it up: records it signed can be checked with its public
/// key (`csec-trainer keys export`), but no other key can sign as this installation. The key
/// is pinned: once records exist, a lost key is never replaced silently (see
/// ``loadOrCreate(in:now:operations:)`` and ``startNew(in:replacingLostKey:now:operations:)``),
/// and every new key is written in the key history (``KeyHistory``).
public struct InstallationKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// ``Curve25519/Signing/PublicKey/keyID`` of the public key.
    public var keyID: String { publicKey.keyID }

    /// The public key as PEM.
    public var publicKeyPEM: String { publicKey.pemRepresentation }

    /// The public key as a JSON Web Key (RFC 8037: OKP, Ed25519), with its key id.
    public var publicKeyJWK: [String: String] {
        let x = publicKey.rawRepresentation.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return ["kty": "OKP", "crv": "Ed25519", "x": x, "kid": keyID]
    }

    public static func file(in dataDirectory: URL) -> URL {
        dataDirectory.appending(path: "keys/installation-ed25519.json")
    }

    var fileContents: Data {
        let saved = SavedKey(
            algorithm: "Ed25519", privateKey: privateKey.rawRepresentation.base64EncodedString(),
            publicKey: publicKey.rawRepresentation.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(saved)) ?? Data()) + Data("\n".utf8)
    }

    struct SavedKey: Codable {
        var algorithm: String
        var privateKey: String
        var publicKey: String
    }
}

extension Curve25519.Signing.PublicKey {
    /// "sha256:" and the first 16 hex digits of the SHA-256 of the raw key: short enough to
    /// read aloud, long enough to tell keys apart.
    public var keyID: String {
        "sha256:" + SHA256.hash(data: rawRepresentation).prefix(8).hexDigits
    }

    /// The key as PEM (SubjectPublicKeyInfo, RFC 8410), which OpenSSL and others read.
    public var pemRepresentation: String {
        let algorithmPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        let base64 = Data(algorithmPrefix + rawRepresentation).base64EncodedString()
        return "-----BEGIN PUBLIC KEY-----\n\(base64)\n-----END PUBLIC KEY-----\n"
    }
}

extension InstallationKey {
    /// 32 bytes derived (HKDF-SHA256) from the private key for one `purpose` (such as the xAPI
    /// pseudonyms): secret like the key, yet telling nothing of it or of another purpose's bytes.
    public func derivedSecret(for purpose: String) -> Data {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: privateKey.rawRepresentation), info: Data(purpose.utf8), outputByteCount: 32
        )
        .withUnsafeBytes { Data($0) }
    }
}
