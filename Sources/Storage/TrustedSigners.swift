import Crypto
import Foundation
import RecordStore

/// The public keys whose signatures a repository accepts: this installation's, and those of
/// the machines or schools whose records it imports.
public struct TrustedSigners: Sendable {
    public let keys: [Curve25519.Signing.PublicKey]

    public init(_ keys: [Curve25519.Signing.PublicKey]) {
        self.keys = keys
    }

    /// The installation's own key and `others`.
    public init(installation: InstallationKey, others: [Curve25519.Signing.PublicKey] = []) {
        self.init([installation.publicKey] + others)
    }

    /// Checks that `bytes` are exactly `signed` as written and signed by one of these keys.
    public func verify(_ signed: SignedRecord, bytes: Data, at location: String) throws(StorageError) {
        guard let key = keys.first(where: { $0.keyID == signed.signature.keyID }) else {
            throw .untrustedKey(location: location, keyID: signed.signature.keyID, trusted: keys.map(\.keyID))
        }
        if let problem = signed.problem(in: bytes, trusting: key) {
            throw .altered(location: location, reason: problem)
        }
    }
}

extension TrustedSigners {
    /// The Ed25519 public key in a PEM file (what `csec-trainer keys export` prints), read from
    /// `path`.
    public static func publicKey(pem data: Data, path: String) throws(StorageError) -> Curve25519.Signing.PublicKey {
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        let body = lines.filter { !$0.hasPrefix("-----") }.joined()
        let prefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        guard lines.first == "-----BEGIN PUBLIC KEY-----", let der = Data(base64Encoded: body), der.count == 44,
            Array(der.prefix(12)) == prefix, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else {
            throw .badKeyFile(path: path, reason: "it is not an Ed25519 public key in PEM")
        }
        return key
    }
}
